//! The self-study record kept under keys rather than in files: in a browser, the site's
//! local storage. The same text as `progress.ron` ([`store::to_text`] and [`store::parse`]),
//! and the same care as the desktop's store ([`super::store`]):
//!
//! - the first save of a run that finds a good earlier record keeps it under
//!   [`PREVIOUS`], once, so one bad run can be undone;
//! - a damaged record is never saved over: it is set aside under
//!   `collab-casebook/progress.damaged-TIMESTAMP.ron` (a [`DAMAGED_PREFIX`] key), the
//!   last good copy is used if there is one, and the user is told what happened and where
//!   the damaged copy is. If it cannot be set aside (the storage is full), nothing is saved
//!   this run, and the user is told why;
//! - text over [`store::MAX_STORE_BYTES`] is treated as damaged, not parsed;
//! - a record the user loads from a file (**Load a record**) is checked as the stored one
//!   is, and refused with the file's name and the line and column of what is wrong; the
//!   record it replaces is kept first under a [`REPLACED_PREFIX`] key, and if it cannot be
//!   kept nothing is replaced;
//! - deleting the record removes every key that holds it (copies set aside or replaced
//!   too); the display settings stay.
//!
//! What holds the keys is a [`Keys`]: the web platform's local storage, or a map in tests.

use crate::domain::progress::Progress;

use super::ron_text;
use super::store;

/// The record.
pub const RECORD: &str = "collab-casebook/progress.ron";
/// The last good record, kept by the first save of a run.
pub const PREVIOUS: &str = "collab-casebook/progress.previous.ron";
/// Damaged records set aside: this, a timestamp, then `.ron`.
pub const DAMAGED_PREFIX: &str = "collab-casebook/progress.damaged-";
/// The display settings.
pub const SETTINGS: &str = "collab-casebook/settings.ron";
/// Records replaced by one the user loaded: this, a timestamp, then `.ron`.
pub const REPLACED_PREFIX: &str = "collab-casebook/progress.replaced-";

/// A store of text under keys. Errors are what the store said, in words.
pub trait Keys {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    /// Puts `value` under `key`, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    /// Removes `key`; removing a key that is not there is not an error.
    fn remove(&mut self, key: &str) -> Result<(), String>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, String>;
}

/// What happened while opening the record, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The record was damaged; it was set aside and the last good copy used.
    Restored {
        /// The key the damaged record is now under.
        moved_to: String,
        /// What was wrong with it.
        problem: String,
    },
    /// The record and its last good copy were damaged, or there was no copy; the record
    /// was set aside and the app starts with an empty one.
    StartedAfresh {
        /// The key the damaged record is now under.
        moved_to: String,
        /// What was wrong with it.
        problem: String,
    },
    /// The record was damaged and could not be set aside, so nothing is saved this run.
    NotSaving {
        /// What was wrong with it.
        problem: String,
        /// Why it could not be set aside.
        reason: String,
    },
    /// The storage could not be read at all, so nothing is saved this run.
    Unavailable {
        /// What the browser said.
        reason: String,
    },
}

impl Notice {
    /// Plain words for the notice.
    pub fn message(&self) -> String {
        match self {
            Self::Restored { moved_to, problem } => format!(
                "Your saved work in this browser could not be read ({problem}), so the last good copy was opened instead. The damaged copy was kept in this browser's storage for this site, under \"{moved_to}\"."
            ),
            Self::StartedAfresh { moved_to, problem } => format!(
                "Your saved work in this browser could not be read ({problem}) and there was no good copy, so the casebook started with an empty record. The damaged copy was kept in this browser's storage for this site, under \"{moved_to}\"."
            ),
            Self::NotSaving { problem, reason } => format!(
                "Your saved work in this browser could not be read ({problem}), and it could not be set aside ({reason}). To keep it safe, nothing you do now will be saved in this browser."
            ),
            Self::Unavailable { reason } => format!(
                "This browser will not let the casebook keep your work ({reason}), so your marks last only until you close the page. Private windows and some browser settings block site storage."
            ),
        }
    }
}

/// The record in a [`Keys`] store.
#[derive(Debug)]
pub struct KeyStore<K: Keys> {
    keys: K,
    /// Whether this run has kept the earlier record as the previous copy.
    backed_up: bool,
    /// Why saves are refused this run, if they are.
    read_only: Option<String>,
}

impl<K: Keys> KeyStore<K> {
    /// Opens the record in `keys` and reads it. `stamp` names a damaged record that has to
    /// be set aside.
    pub fn open(keys: K, stamp: &str) -> (Self, Progress, Option<Notice>) {
        let mut store = Self {
            keys,
            backed_up: false,
            read_only: None,
        };
        let (progress, notice) = store.load(stamp);
        (store, progress, notice)
    }

    fn load(&mut self, stamp: &str) -> (Progress, Option<Notice>) {
        let text = match self.keys.get(RECORD) {
            Ok(Some(text)) => text,
            Ok(None) => return (Progress::default(), None),
            Err(reason) => {
                self.read_only = Some(format!(
                    "the browser's storage could not be read ({reason})"
                ));
                return (Progress::default(), Some(Notice::Unavailable { reason }));
            }
        };
        let problem = match read(&text) {
            Ok(progress) => return (progress, None),
            Err(problem) => problem,
        };
        let aside = format!("{DAMAGED_PREFIX}{stamp}.ron");
        let set_aside = if matches!(self.keys.get(&aside), Ok(Some(_))) {
            Err(format!("\"{aside}\" is already taken"))
        } else {
            self.keys.set(&aside, &text)
        };
        let previous = self
            .keys
            .get(PREVIOUS)
            .ok()
            .flatten()
            .and_then(|text| read(&text).ok());
        if let Err(reason) = set_aside {
            self.read_only = Some(format!(
                "the damaged record could not be set aside ({reason})"
            ));
            return (
                previous.unwrap_or_default(),
                Some(Notice::NotSaving { problem, reason }),
            );
        }
        // Set aside: the damaged text is safe, and the next save replaces it.
        match previous {
            Some(progress) => (
                progress,
                Some(Notice::Restored {
                    moved_to: aside,
                    problem,
                }),
            ),
            None => (
                Progress::default(),
                Some(Notice::StartedAfresh {
                    moved_to: aside,
                    problem,
                }),
            ),
        }
    }

    /// Why saves are refused this run, if they are.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Saves record text made by [`store::to_text`]. The first save of a run that finds a
    /// good earlier record keeps it under [`PREVIOUS`].
    pub fn write_text(&mut self, text: &str) -> Result<(), String> {
        if let Some(reason) = &self.read_only {
            return Err(format!("nothing is saved this time, because {reason}"));
        }
        if !self.backed_up {
            if let Some(old) = self.keys.get(RECORD)?
                && read(&old).is_ok()
            {
                self.keys.set(PREVIOUS, &old)?;
            }
            self.backed_up = true;
        }
        self.keys.set(RECORD, text)
    }

    /// Every key that holds the record or a copy of it: the record, the previous copy,
    /// then damaged and replaced copies in name order.
    pub fn record_keys(&self) -> Vec<String> {
        let mut found: Vec<String> = [RECORD, PREVIOUS]
            .into_iter()
            .filter(|key| matches!(self.keys.get(key), Ok(Some(_))))
            .map(str::to_owned)
            .collect();
        let mut damaged: Vec<String> = self
            .keys
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|key| key.starts_with(DAMAGED_PREFIX) || key.starts_with(REPLACED_PREFIX))
            .collect();
        damaged.sort();
        found.extend(damaged);
        found
    }

    /// Replaces the record with one the user loaded from `file` (its text), after the same
    /// checks as the stored record. The record it replaces is kept first, under
    /// [`REPLACED_PREFIX`] and `stamp`; that key comes back, or `None` when there was no
    /// record to keep. On any problem nothing changes, and the error says what, naming
    /// the file.
    pub fn load_record(
        &mut self,
        file: &str,
        text: &str,
        stamp: &str,
    ) -> Result<(Progress, Option<String>), String> {
        let progress = read(text).map_err(|problem| {
            format!(
                "{file} could not be loaded as a record: {}. Your record was not changed.",
                problem.trim_end_matches('.')
            )
        })?;
        if let Some(reason) = &self.read_only {
            return Err(format!(
                "{file} was not loaded, because {reason}. Your record was not changed."
            ));
        }
        let not_kept = |reason: String| {
            format!(
                "{file} was not loaded: the record it would replace could not be kept first ({reason}). Your record was not changed."
            )
        };
        let kept = match self.keys.get(RECORD).map_err(not_kept)? {
            Some(old) => {
                let aside = format!("{REPLACED_PREFIX}{stamp}.ron");
                if matches!(self.keys.get(&aside), Ok(Some(_))) {
                    return Err(not_kept(format!(
                        "\"{aside}\" is already taken; try again in a second"
                    )));
                }
                self.keys.set(&aside, &old).map_err(not_kept)?;
                Some(aside)
            }
            None => None,
        };
        self.keys.set(RECORD, text).map_err(|reason| {
            format!(
                "{file} could not be saved in this browser ({reason}). Your record was not changed."
            )
        })?;
        // The record replaced is kept: no other copy is needed this run.
        self.backed_up = true;
        Ok((progress, kept))
    }

    /// Deletes every key that holds the record; returns the keys removed. On a failure the
    /// error names the key that is left.
    pub fn delete_record(&mut self) -> Result<Vec<String>, String> {
        let mut removed = Vec::new();
        for key in self.record_keys() {
            self.keys
                .remove(&key)
                .map_err(|reason| format!("\"{key}\" could not be removed ({reason})"))?;
            removed.push(key);
        }
        self.backed_up = true;
        self.read_only = None;
        Ok(removed)
    }

    /// The display settings; the defaults when there are none or they cannot be read.
    pub fn load_settings<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        self.keys
            .get(SETTINGS)
            .ok()
            .flatten()
            .filter(|text| text.len() < 64 * 1024)
            .and_then(|text| ron_text::parse(&text).ok())
            .unwrap_or_default()
    }

    /// Saves the display settings.
    pub fn save_settings<T: serde::Serialize>(&mut self, settings: &T) -> Result<(), String> {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        let text = ron::ser::to_string_pretty(settings, config).map_err(|e| e.to_string())?;
        self.keys.set(SETTINGS, &text)
    }

    /// The store underneath.
    pub fn keys(&self) -> &K {
        &self.keys
    }
}

/// Reads record text, refusing text larger than the desktop would read.
fn read(text: &str) -> Result<Progress, String> {
    if text.len() as u64 > store::MAX_STORE_BYTES {
        return Err(format!(
            "it is larger than {} MB, the most this app reads",
            store::MAX_STORE_BYTES / (1024 * 1024)
        ));
    }
    store::parse(text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::CaseId;
    use crate::domain::progress::Place;

    /// Keys in a map; `full` makes every `set` fail as a full browser storage does.
    #[derive(Debug, Default)]
    struct Map {
        map: BTreeMap<String, String>,
        full: bool,
    }

    impl Keys for Map {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.map.get(key).cloned())
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
            if self.full {
                return Err("QuotaExceededError".to_owned());
            }
            self.map.insert(key.to_owned(), value.to_owned());
            Ok(())
        }
        fn remove(&mut self, key: &str) -> Result<(), String> {
            self.map.remove(key);
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            Ok(self.map.keys().cloned().collect())
        }
    }

    fn record_at(case: &str) -> Progress {
        Progress {
            place: Some(Place {
                case: CaseId::new(case),
                factor: 2,
            }),
            ..Progress::default()
        }
    }

    fn text(progress: &Progress) -> String {
        store::to_text(progress).unwrap()
    }

    #[test]
    fn a_loaded_record_replaces_the_stored_one_which_is_kept_aside() {
        let mut keys = Map::default();
        keys.map.insert(RECORD.to_owned(), text(&record_at("mine")));
        let (mut store, _, _) = KeyStore::open(keys, "t0");
        let (loaded, kept) = store
            .load_record("desktop.ron", &text(&record_at("theirs")), "t1")
            .unwrap();
        assert_eq!(loaded, record_at("theirs"));
        let aside = format!("{REPLACED_PREFIX}t1.ron");
        assert_eq!(kept.as_deref(), Some(aside.as_str()));
        assert_eq!(store.keys().map[&aside], text(&record_at("mine")));
        assert_eq!(store.keys().map[RECORD], text(&record_at("theirs")));
        // Deleting the record takes the copy kept aside too.
        assert_eq!(store.record_keys(), vec![RECORD.to_owned(), aside.clone()]);
        // With no record yet, nothing is kept aside.
        let (mut empty, _, _) = KeyStore::open(Map::default(), "t0");
        let (_, kept) = empty
            .load_record("desktop.ron", &text(&record_at("theirs")), "t1")
            .unwrap();
        assert_eq!(kept, None);
    }

    #[test]
    fn a_damaged_file_is_refused_with_its_name_and_position_and_nothing_changes() {
        let mut keys = Map::default();
        keys.map.insert(RECORD.to_owned(), text(&record_at("mine")));
        let (mut store, _, _) = KeyStore::open(keys, "t0");
        let before = store.keys().map.clone();
        let error = store
            .load_record(
                "notes.ron",
                "Progress(\n    format: 2,\n    attempts: {\n",
                "t1",
            )
            .unwrap_err();
        assert!(
            error.starts_with("notes.ron could not be loaded as a record: line "),
            "{error}"
        );
        assert!(error.ends_with("Your record was not changed."), "{error}");
        assert!(!error.contains(".."), "{error}");
        let error = store
            .load_record("cat.jpg", "not a record", "t1")
            .unwrap_err();
        assert!(error.contains("line 1, column 1"), "{error}");
        assert_eq!(store.keys().map, before);
    }

    #[test]
    fn when_the_old_record_cannot_be_kept_nothing_is_replaced() {
        let mut keys = Map::default();
        keys.map.insert(RECORD.to_owned(), text(&record_at("mine")));
        let (mut store, _, _) = KeyStore::open(keys, "t0");
        store.keys.full = true;
        let error = store
            .load_record("desktop.ron", &text(&record_at("theirs")), "t1")
            .unwrap_err();
        assert!(
            error.contains("could not be kept first (QuotaExceededError)"),
            "{error}"
        );
        assert_eq!(store.keys().map[RECORD], text(&record_at("mine")));
        assert_eq!(store.keys().map.len(), 1);
    }

    #[test]
    fn an_empty_storage_opens_an_empty_record_and_saves_the_same_text_as_the_desktop() {
        let (mut store, progress, notice) = KeyStore::open(Map::default(), "s");
        assert_eq!(progress, Progress::default());
        assert_eq!(notice, None);
        let saved = text(&record_at("universal-credit"));
        store.write_text(&saved).unwrap();
        assert_eq!(store.keys().map.get(RECORD), Some(&saved));
        assert_eq!(
            store.keys().map.get(PREVIOUS),
            None,
            "no earlier record to keep"
        );
        let (_, again, notice) = KeyStore::open(std::mem::take(&mut store.keys), "t");
        assert_eq!(again, record_at("universal-credit"));
        assert_eq!(notice, None);
    }

    #[test]
    fn the_first_save_of_a_run_keeps_the_earlier_record_once() {
        let mut map = Map::default();
        map.set(RECORD, &text(&record_at("first"))).unwrap();
        let (mut store, progress, _) = KeyStore::open(map, "s");
        assert_eq!(progress, record_at("first"));
        store.write_text(&text(&record_at("second"))).unwrap();
        store.write_text(&text(&record_at("third"))).unwrap();
        let map = &store.keys().map;
        assert_eq!(map.get(PREVIOUS), Some(&text(&record_at("first"))));
        assert_eq!(map.get(RECORD), Some(&text(&record_at("third"))));
    }

    #[test]
    fn a_damaged_record_is_set_aside_and_the_last_good_copy_used() {
        let mut map = Map::default();
        map.set(RECORD, "Progress(format: 2, place: Some(").unwrap();
        map.set(PREVIOUS, &text(&record_at("good"))).unwrap();
        let (mut store, progress, notice) = KeyStore::open(map, "20261201-070000");
        assert_eq!(progress, record_at("good"));
        let aside = format!("{DAMAGED_PREFIX}20261201-070000.ron");
        match &notice {
            Some(Notice::Restored { moved_to, problem }) => {
                assert_eq!(moved_to, &aside);
                assert!(problem.contains("line 1"), "{problem}");
            }
            other => panic!("expected Restored, got {other:?}"),
        }
        assert!(notice.unwrap().message().contains(&aside));
        assert_eq!(
            store.keys().map.get(&aside).map(String::as_str),
            Some("Progress(format: 2, place: Some(")
        );
        // Saving now replaces the damaged text, which is safe under its own key.
        store.write_text(&text(&record_at("next"))).unwrap();
        assert_eq!(
            store.keys().map.get(RECORD),
            Some(&text(&record_at("next")))
        );
        assert_eq!(
            store.record_keys(),
            vec![RECORD.to_owned(), PREVIOUS.to_owned(), aside]
        );
    }

    #[test]
    fn a_damaged_record_with_no_good_copy_starts_afresh() {
        let mut map = Map::default();
        map.set(RECORD, "Progress(format: 99)").unwrap();
        let (_, progress, notice) = KeyStore::open(map, "s");
        assert_eq!(progress, Progress::default());
        match notice {
            Some(Notice::StartedAfresh { problem, .. }) => {
                assert!(problem.contains("format 99"), "{problem}");
            }
            other => panic!("expected StartedAfresh, got {other:?}"),
        }
    }

    #[test]
    fn a_damaged_record_that_cannot_be_set_aside_is_never_saved_over() {
        let mut map = Map::default();
        map.set(RECORD, "not a record").unwrap();
        map.full = true;
        let (mut store, _, notice) = KeyStore::open(map, "s");
        assert!(
            matches!(notice, Some(Notice::NotSaving { .. })),
            "{notice:?}"
        );
        assert!(store.read_only().is_some());
        assert!(store.write_text(&text(&record_at("x"))).is_err());
        store.keys.full = false;
        assert!(
            store.write_text(&text(&record_at("x"))).is_err(),
            "still refused this run"
        );
        assert_eq!(
            store.keys().map.get(RECORD).map(String::as_str),
            Some("not a record")
        );
    }

    #[test]
    fn a_full_storage_fails_a_save_with_the_browsers_words() {
        let (mut store, _, _) = KeyStore::open(Map::default(), "s");
        store.keys.full = true;
        let error = store.write_text(&text(&record_at("x"))).unwrap_err();
        assert!(error.contains("QuotaExceededError"), "{error}");
    }

    #[test]
    fn deleting_removes_every_key_that_holds_the_record_and_keeps_the_settings() {
        let mut map = Map::default();
        map.set(RECORD, "broken").unwrap();
        map.set(PREVIOUS, &text(&record_at("good"))).unwrap();
        map.set(SETTINGS, "Settings()").unwrap();
        map.set("another-site-key", "x").unwrap();
        let (mut store, _, _) = KeyStore::open(map, "s");
        let removed = store.delete_record().unwrap();
        assert_eq!(removed.len(), 3, "{removed:?}");
        let left: Vec<&String> = store.keys().map.keys().collect();
        assert_eq!(left, vec!["another-site-key", SETTINGS]);
        assert!(store.write_text(&text(&record_at("x"))).is_ok());
    }

    #[test]
    fn an_oversized_record_is_damaged_not_parsed() {
        let mut map = Map::default();
        let huge = " ".repeat(usize::try_from(store::MAX_STORE_BYTES).unwrap() + 1);
        map.set(RECORD, &huge).unwrap();
        let (_, _, notice) = KeyStore::open(map, "s");
        match notice {
            Some(Notice::StartedAfresh { problem, .. }) => assert!(problem.contains("MB")),
            other => panic!("expected StartedAfresh, got {other:?}"),
        }
    }
}

//! Checking a parsed case file: ids, references, empty and over-long text, evidence that
//! is case fact, and that the case answers every factor of the model once. Builds the
//! validated [`Case`]; every problem names the place in the file where the author can fix
//! it.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::{
    Answer, Case, CaseId, Contested, FactorId, Model, Passage, PassageId, PassageRole, Section,
    Source, SourceId,
};

use super::case_file::{
    CaseFile, FORMAT, MAX_NOTES, MAX_PASSAGES, MAX_SECTIONS, MAX_SOURCES, MAX_TEXT_CHARS,
};
use super::error::{Problem, ProblemKind};
use super::locate::{Locator, Place};

/// Collects problems while checking, each placed in the file.
struct Checker<'a> {
    /// The file's text, read into tokens only when the first problem needs placing: most
    /// files have no problems, and tokenizing a long file costs as much as parsing it.
    source: &'a str,
    locator: Option<Locator<'a>>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, place: &Place<'_>, kind: ProblemKind) {
        let source = self.source;
        let position = self
            .locator
            .get_or_insert_with(|| Locator::new(source))
            .find(place);
        self.problems.push(Problem::new(position, kind));
    }

    fn text(&mut self, value: &str, field: &'static str, owner: &Place<'_>) {
        // Most text is fine: the place is only built, and characters only counted (a
        // character is at least a byte), when there may be something to report.
        let place = || Place::FieldOf {
            owner: Box::new(owner.clone()),
            field,
        };
        if value.trim().is_empty() {
            self.report(&place(), ProblemKind::EmptyText { field });
        }
        if value.len() > MAX_TEXT_CHARS {
            let chars = value.chars().count();
            if chars > MAX_TEXT_CHARS {
                self.report(
                    &place(),
                    ProblemKind::TooLong {
                        field,
                        chars,
                        limit: MAX_TEXT_CHARS,
                    },
                );
            }
        }
    }

    fn count(&mut self, count: usize, limit: usize, what: &'static str, field: &'static str) {
        if count > limit {
            self.report(
                &Place::Field(field),
                ProblemKind::TooMany { what, count, limit },
            );
        }
    }

    fn optional_text(&mut self, value: Option<&String>, field: &'static str, owner: &Place<'_>) {
        if let Some(value) = value {
            self.text(value, field, owner);
        }
    }
}

/// Checks a parsed case file against the model and builds the validated case.
///
/// `source` is the file's text, used only to say where each problem is. All problems are
/// collected, not just the first, so an author can fix them in one pass.
pub fn validate(file: CaseFile, model: &Model, source: &str) -> Result<Case, Vec<Problem>> {
    let mut check = Checker {
        source,
        locator: None,
        problems: Vec::new(),
    };
    let root = Place::Start;

    if file.format != FORMAT {
        check.report(
            &Place::Field("format"),
            ProblemKind::UnsupportedFormat {
                found: file.format,
                supported: FORMAT,
            },
        );
    }
    check_id(&mut check, &file.id, &Place::Field("id"));
    check.count(file.sections.len(), MAX_SECTIONS, "sections", "sections");
    let passage_count: usize = file.sections.iter().map(|s| s.passages.len()).sum();
    check.count(passage_count, MAX_PASSAGES, "passages", "sections");
    check.count(file.sources.len(), MAX_SOURCES, "sources", "sources");
    check.count(
        file.questions.len(),
        MAX_NOTES,
        "discussion questions",
        "questions",
    );
    check.count(
        file.facilitator_notes.len(),
        MAX_NOTES,
        "facilitator notes",
        "facilitator_notes",
    );
    check.text(&file.title, "title", &root);
    check.text(&file.summary, "summary", &root);
    check.optional_text(file.composite.as_ref(), "composite", &root);
    if file.audience.is_empty() {
        check.report(&Place::Field("audience"), ProblemKind::NoAudience);
    }
    if file.minutes == 0 {
        check.report(&Place::Field("minutes"), ProblemKind::ZeroMinutes);
    }

    // Sources first, so passages can be checked against them.
    let mut source_ids = BTreeSet::new();
    let mut seen_sources: BTreeMap<&str, usize> = BTreeMap::new();
    for source in &file.sources {
        let nth = bump(&mut seen_sources, &source.id);
        let place = Place::Keyed {
            within: Some("sources"),
            key: "id",
            value: &source.id,
            nth,
        };
        check_id(&mut check, &source.id, &place);
        source_ids.insert(source.id.as_str());
        if nth > 0 {
            check.report(
                &place,
                ProblemKind::DuplicateId {
                    what: "source",
                    id: source.id.clone(),
                },
            );
        }
        check.text(&source.title, "title", &place);
        check.text(&source.publisher, "publisher", &place);
        check.text(&source.date, "date", &place);
        check.optional_text(source.reference.as_ref(), "reference", &place);
        check.optional_text(source.link.as_ref(), "link", &place);
        if let Some(link) = &source.link
            && !link.trim().is_empty()
            && !is_web_address(link)
        {
            check.report(
                &Place::FieldOf {
                    owner: Box::new(place.clone()),
                    field: "link",
                },
                ProblemKind::BadLink {
                    source_id: source.id.clone(),
                },
            );
        }
    }
    if file.sources.is_empty() {
        check.report(&Place::Field("sources"), ProblemKind::NoSources);
    }

    // Sections and passages share one id space, so a reference can never be ambiguous.
    let mut seen_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut passage_ids = BTreeSet::new();
    let mut context_ids = BTreeSet::new();
    let mut sections = Vec::with_capacity(file.sections.len());
    let mut number = 0;
    for section in &file.sections {
        let nth = bump(&mut seen_ids, &section.id);
        let place = Place::Keyed {
            within: Some("sections"),
            key: "id",
            value: &section.id,
            nth,
        };
        check_id(&mut check, &section.id, &place);
        if nth > 0 {
            check.report(
                &place,
                ProblemKind::DuplicateId {
                    what: "section or passage",
                    id: section.id.clone(),
                },
            );
        }
        check.text(&section.heading, "heading", &place);
        check.optional_text(section.period.as_ref(), "period", &place);
        if section.passages.is_empty() {
            check.report(
                &Place::FieldOf {
                    owner: Box::new(place.clone()),
                    field: "passages",
                },
                ProblemKind::EmptySection {
                    section: section.id.clone(),
                },
            );
        }
        let mut passages = Vec::with_capacity(section.passages.len());
        for passage in &section.passages {
            let nth = bump(&mut seen_ids, &passage.id);
            let place = Place::Keyed {
                within: Some("sections"),
                key: "id",
                value: &passage.id,
                nth,
            };
            check_id(&mut check, &passage.id, &place);
            if nth > 0 {
                check.report(
                    &place,
                    ProblemKind::DuplicateId {
                        what: "section or passage",
                        id: passage.id.clone(),
                    },
                );
            }
            passage_ids.insert(passage.id.as_str());
            if passage.role == PassageRole::Context {
                context_ids.insert(passage.id.as_str());
            }
            check.text(&passage.text, "text", &place);
            let mut seen_cited: BTreeMap<&str, usize> = BTreeMap::new();
            for cited in &passage.sources {
                let earlier = bump(&mut seen_cited, cited);
                let at = || Place::ValueIn {
                    owner: Box::new(place.clone()),
                    field: "sources",
                    value: cited,
                    nth: earlier,
                };
                if !source_ids.contains(cited.as_str()) {
                    check.report(
                        &at(),
                        ProblemKind::UnknownSource {
                            passage: passage.id.clone(),
                            cited: cited.clone(),
                        },
                    );
                } else if earlier > 0 {
                    check.report(
                        &at(),
                        ProblemKind::RepeatedSource {
                            passage: passage.id.clone(),
                            cited: cited.clone(),
                        },
                    );
                }
            }
            number += 1;
            passages.push(Passage {
                id: PassageId::new(passage.id.clone()),
                number,
                text: passage.text.trim().to_owned(),
                sources: passage
                    .sources
                    .iter()
                    .map(|s| SourceId::new(s.clone()))
                    .collect(),
                role: passage.role,
            });
        }
        sections.push(Section {
            id: section.id.clone(),
            heading: section.heading.trim().to_owned(),
            period: section.period.as_ref().map(|p| p.trim().to_owned()),
            passages,
        });
    }
    if file.sections.is_empty() {
        check.report(&Place::Field("sections"), ProblemKind::NoSections);
    }

    // Answers: each factor of the model exactly once, evidence that exists.
    let mut answered: BTreeMap<&str, usize> = BTreeMap::new();
    for answer in &file.answers {
        let nth = bump(&mut answered, &answer.factor);
        let place = Place::Keyed {
            within: Some("answers"),
            key: "factor",
            value: &answer.factor,
            nth,
        };
        if model
            .factor(&FactorId::new(answer.factor.clone()))
            .is_none()
        {
            check.report(
                &place,
                ProblemKind::UnknownFactor {
                    factor: answer.factor.clone(),
                    known: factor_list(model),
                },
            );
            continue;
        }
        if nth > 0 {
            check.report(
                &place,
                ProblemKind::DuplicateAnswer {
                    factor: answer.factor.clone(),
                },
            );
        }
        check.text(&answer.rationale, "rationale", &place);
        check.optional_text(
            answer.would_have_changed.as_ref(),
            "would_have_changed",
            &place,
        );
        check.optional_text(answer.prompt.as_ref(), "prompt", &place);
        if let Some(contested) = &answer.contested {
            check.text(&contested.why, "why", &place);
            check.text(&contested.other_rationale, "other_rationale", &place);
            if contested.other_verdict == answer.verdict {
                check.report(
                    &Place::FieldOf {
                        owner: Box::new(place.clone()),
                        field: "other_verdict",
                    },
                    ProblemKind::ContestedSameVerdict {
                        factor: answer.factor.clone(),
                    },
                );
            }
        }
        let mut seen_evidence: BTreeMap<&str, usize> = BTreeMap::new();
        for evidence in &answer.evidence {
            let earlier = bump(&mut seen_evidence, evidence);
            let at = Place::ValueIn {
                owner: Box::new(place.clone()),
                field: "evidence",
                value: evidence,
                nth: earlier,
            };
            if !passage_ids.contains(evidence.as_str()) {
                check.report(
                    &at,
                    ProblemKind::UnknownEvidence {
                        factor: answer.factor.clone(),
                        passage: evidence.clone(),
                    },
                );
            } else if earlier > 0 {
                check.report(
                    &at,
                    ProblemKind::RepeatedEvidence {
                        factor: answer.factor.clone(),
                        passage: evidence.clone(),
                    },
                );
            } else if context_ids.contains(evidence.as_str()) {
                check.report(
                    &at,
                    ProblemKind::EvidenceIsContext {
                        factor: answer.factor.clone(),
                        passage: evidence.clone(),
                    },
                );
            }
        }
    }
    for factor in &model.factors {
        if !answered.contains_key(factor.id.as_str()) {
            check.report(
                &Place::Field("answers"),
                ProblemKind::MissingAnswer {
                    factor: factor.id.to_string(),
                    name: factor.name.clone(),
                },
            );
        }
    }

    for question in &file.questions {
        check.text(question, "questions", &Place::Field("questions"));
    }
    for note in &file.facilitator_notes {
        check.text(
            note,
            "facilitator_notes",
            &Place::Field("facilitator_notes"),
        );
    }

    if !check.problems.is_empty() {
        check.problems.sort_by_key(|p| p.position);
        return Err(check.problems);
    }

    // Answers in the model's order, so every screen lists factors the same way.
    let answers = model
        .factors
        .iter()
        .filter_map(|factor| file.answers.iter().find(|a| a.factor == factor.id.as_str()))
        .map(|a| Answer {
            factor: FactorId::new(a.factor.clone()),
            verdict: a.verdict,
            rationale: a.rationale.trim().to_owned(),
            evidence: a
                .evidence
                .iter()
                .map(|e| PassageId::new(e.clone()))
                .collect(),
            would_have_changed: a.would_have_changed.as_ref().map(|w| w.trim().to_owned()),
            contested: a.contested.as_ref().map(|c| Contested {
                why: c.why.trim().to_owned(),
                other_verdict: c.other_verdict,
                other_rationale: c.other_rationale.trim().to_owned(),
            }),
            prompt: a.prompt.as_ref().map(|p| p.trim().to_owned()),
        })
        .collect();

    Ok(Case {
        id: CaseId::new(file.id),
        version: file.version,
        title: file.title.trim().to_owned(),
        summary: file.summary.trim().to_owned(),
        kind: file.kind,
        audience: file.audience,
        minutes: file.minutes,
        composite_note: file.composite.map(|c| c.trim().to_owned()),
        sections,
        answers,
        questions: file
            .questions
            .into_iter()
            .map(|q| q.trim().to_owned())
            .collect(),
        facilitator_notes: file
            .facilitator_notes
            .into_iter()
            .map(|n| n.trim().to_owned())
            .collect(),
        sources: file
            .sources
            .into_iter()
            .map(|s| Source {
                id: SourceId::new(s.id),
                title: s.title.trim().to_owned(),
                publisher: s.publisher.trim().to_owned(),
                date: s.date.trim().to_owned(),
                reference: s.reference.map(|r| r.trim().to_owned()),
                link: s.link.map(|l| l.trim().to_owned()),
            })
            .collect(),
    })
}

/// Ids are short, lower case words joined by hyphens, so they survive copying between files.
fn check_id(check: &mut Checker<'_>, id: &str, place: &Place<'_>) {
    let well_formed = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if !well_formed {
        check.report(place, ProblemKind::BadId { id: id.to_owned() });
    }
}

/// Whether a source's link is a web address, `http://` or `https://` followed by a host
/// and no spaces. Anything else (`file://`, `javascript:`, a bare path) is refused, so the
/// app never offers a reader a link that opens something on their own machine.
pub fn is_web_address(link: &str) -> bool {
    let link = link.trim();
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !link.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// Counts this occurrence of `key` and returns how many came before it.
fn bump<'a>(seen: &mut BTreeMap<&'a str, usize>, key: &'a str) -> usize {
    let count = seen.entry(key).or_insert(0);
    let nth = *count;
    *count += 1;
    nth
}

fn factor_list(model: &Model) -> String {
    let ids: Vec<&str> = model.factors.iter().map(|f| f.id.as_str()).collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::is_web_address;

    #[test]
    fn only_web_addresses_are_links() {
        for good in [
            "https://www.nao.org.uk/reports/universal-credit/",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/a?b=c#d",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "www.nao.org.uk",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "/home/me/report.pdf",
            "ftp://example.org",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}

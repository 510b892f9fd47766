//! Long scrolling lists that cost what is on screen.
//!
//! A block (a passage, a heading, a feedback card) that was drawn before remembers its
//! height. While it is wholly out of view it is not laid out: it only takes its space, so
//! the scroll bar and everything below stay where they were. The heights are kept per list
//! in egui's memory and forgotten when the width, the text size or what the list shows
//! changes.
//!
//! Everything is drawn in full while a widget has keyboard focus, so Tab reaches every
//! widget in order. While a screen reader may be reading (AccessKit is on) the whole text
//! must be in the accessibility tree, to be read without scrolling: a block out of view is
//! then drawn in full, unless it has a stand-in ([`Lazy::block_or_stand_in`]), which gives
//! it the accessible nodes the drawn block has (the same ids, roles, names and states)
//! over the space it takes, without laying its text out. See docs/performance.md for what
//! this saves.
//!
//! The app's very first frame lays out only what shows, screen reader or not, so the window
//! (or the page) has something to show sooner. egui draws a second frame at once (it always
//! does after the first), and that one measures every block the first passed over: the
//! accessibility tree is whole from the second frame, a few hundredths of a second later.

use std::collections::HashMap;
use std::hash::{BuildHasher as _, BuildHasherDefault, DefaultHasher, Hash};

/// The heights of one list's blocks, for one width and text size.
#[derive(Clone, Default)]
struct Heights {
    /// What the heights were measured for.
    key: u64,
    known: HashMap<u64, f32>,
}

/// A list being drawn. Call [`Lazy::begin`] before the first block and [`Lazy::end`]
/// after the last.
pub struct Lazy {
    id: egui::Id,
    heights: Heights,
    /// Whether a widget has keyboard focus: then every block is drawn.
    focused: bool,
    /// Whether AccessKit is on: then a block out of view is drawn, or stands in.
    reading: bool,
    /// Whether this is the app's first frame: then a block below the view is passed over,
    /// its height guessed but not remembered, and measured in the next frame.
    first_frame: bool,
}

impl Lazy {
    /// Starts a list. `what` identifies what the list shows (a case and its version, say):
    /// when it changes, heights are measured again.
    pub fn begin(ui: &egui::Ui, salt: &str, what: impl Hash) -> Self {
        let id = ui.scope_id().with(("lazy heights", salt));
        let body = ui
            .style()
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(0.0, |font| font.size);
        let key = hash((
            what,
            ui.available_width().to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
            body.to_bits(),
        ));
        let stored: Option<Heights> = ui.data_mut(|d| d.remove_temp(id));
        let known = stored
            .filter(|h| h.key == key)
            .map(|h| h.known)
            .unwrap_or_default();
        // egui has no getter for this: a node can be built only when AccessKit is on.
        let reading = ui
            .ctx()
            .accesskit_node_builder(ui.unique_id(), |_| ())
            .is_some();
        let typing_or_tabbing = ui.memory(|m| m.focused().is_some());
        Self {
            id,
            heights: Heights { key, known },
            focused: typing_or_tabbing,
            reading,
            first_frame: ui.ctx().cumulative_frame_nr() == 0,
        }
    }

    /// Draws a block, or only takes its space when it is out of view. `block` identifies
    /// the block and everything its height depends on; `draw` lays it out and returns the
    /// space it took. `always` draws it regardless, for a block about to be scrolled to.
    ///
    /// A block never drawn that starts below the view takes `guess` points until it comes
    /// into view, so the first frame of a long list lays out only what shows. The guess
    /// only moves what is below it, and only until it is drawn.
    pub fn block(
        &mut self,
        ui: &mut egui::Ui,
        block: impl Hash,
        always: bool,
        guess: f32,
        draw: impl FnOnce(&mut egui::Ui) -> egui::Rect,
    ) {
        let always = always || (self.reading && !self.first_frame);
        self.block_or_stand_in(ui, block, always, guess, draw, |_, _| {});
    }

    /// As [`Lazy::block`], but while a screen reader may be reading, a block out of view
    /// is not laid out either: `stand_in` gives the space it takes (the rectangle) the
    /// accessible nodes the drawn block would have, with the same ids, roles, names and
    /// states, and answers their actions (a click from a screen reader, say) as the drawn
    /// block does. Every block is drawn once, when first seen, to measure it.
    pub fn block_or_stand_in(
        &mut self,
        ui: &mut egui::Ui,
        block: impl Hash,
        always: bool,
        guess: f32,
        draw: impl FnOnce(&mut egui::Ui) -> egui::Rect,
        stand_in: impl FnOnce(&mut egui::Ui, egui::Rect),
    ) {
        let key = hash(block);
        let below_view = ui.cursor().min.y > ui.clip_rect().bottom();
        let height = match self.heights.known.get(&key) {
            Some(&height) => Some(height),
            // For a screen reader every block is measured when first seen, so that what
            // stands in is where the drawn block will be, and nothing below moves when it
            // scrolls into view.
            None if below_view && !self.reading => {
                Some(*self.heights.known.entry(key).or_insert(guess))
            }
            // On the first frame a screen reader's blocks below the view are measured in
            // the next: the guess is not kept.
            None if below_view && self.first_frame => Some(guess),
            None => None,
        };
        if !self.focused
            && !always
            && let Some(height) = height
        {
            let rect = egui::Rect::from_min_size(
                ui.cursor().min,
                egui::vec2(ui.available_width(), height),
            );
            if !ui.is_rect_visible(rect) {
                ui.advance_cursor_after_rect(rect);
                if self.reading && self.heights.known.contains_key(&key) {
                    stand_in(ui, rect);
                }
                return;
            }
        }
        let rect = draw(ui);
        self.heights.known.insert(key, rect.height());
    }

    /// Keeps the heights for the next frame.
    pub fn end(self, ui: &egui::Ui) {
        ui.data_mut(|d| d.insert_temp(self.id, self.heights));
    }
}

fn hash(value: impl Hash) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

#[cfg(test)]
mod tests {
    use super::Lazy;

    /// Runs one frame of a 300-point-high scrolling list of 100 blocks, each 40 points
    /// high, and returns which blocks were drawn and the height of the list.
    fn frame(ctx: &egui::Context, width: f32, offset: f32) -> (Vec<usize>, f32) {
        let (drawn, _, height) = frame_with(ctx, width, offset, false);
        (drawn, height)
    }

    /// As [`frame`], with stand-ins when `stand_in`: returns the blocks drawn, the blocks
    /// that stood in, and the height of the list.
    fn frame_with(
        ctx: &egui::Context,
        width: f32,
        offset: f32,
        stand_in: bool,
    ) -> (Vec<usize>, Vec<usize>, f32) {
        let drawn = std::cell::RefCell::new(Vec::new());
        let mut stood_in = Vec::new();
        let mut height = 0.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(width, 300.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let output = egui::ScrollArea::vertical()
                .vertical_scroll_offset(offset)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let mut lazy = Lazy::begin(ui, "test", "list");
                    for n in 0..100 {
                        let draw = |ui: &mut egui::Ui| {
                            drawn.borrow_mut().push(n);
                            let (rect, _) = ui.allocate_exact_size(
                                egui::vec2(ui.available_width(), 40.0),
                                egui::Sense::hover(),
                            );
                            rect
                        };
                        if stand_in {
                            lazy.block_or_stand_in(ui, n, false, 40.0, draw, |_, rect| {
                                assert!((rect.height() - 40.0).abs() < 0.5, "{rect:?}");
                                stood_in.push(n);
                            });
                        } else {
                            lazy.block(ui, n, false, 40.0, draw);
                        }
                    }
                    lazy.end(ui);
                });
            height = output.content_size.y;
        });
        // No renderer here to take the font texture.
        output.textures_delta.clear();
        (drawn.into_inner(), stood_in, height)
    }

    #[test]
    fn blocks_out_of_view_are_not_drawn_once_measured_and_keep_their_space() {
        let ctx = egui::Context::default();
        let (first, full_height) = frame(&ctx, 400.0, 0.0);
        assert!(
            first.len() < 12,
            "the first frame draws what shows and guesses the rest: {first:?}"
        );

        let (second, height) = frame(&ctx, 400.0, 0.0);
        assert!(
            second.len() < 12 && second.first() == Some(&0),
            "only the blocks in view are drawn: {second:?}"
        );
        assert!(
            (height - full_height).abs() < 0.5,
            "{height} != {full_height}"
        );

        let (scrolled, _) = frame(&ctx, 400.0, 2000.0);
        assert!(
            scrolled.len() < 12 && scrolled.contains(&50) && !scrolled.contains(&0),
            "after scrolling, the blocks now in view are drawn: {scrolled:?}"
        );
    }

    #[test]
    fn a_new_width_measures_again() {
        let ctx = egui::Context::default();
        let _ = frame(&ctx, 400.0, 2000.0);
        let (narrower, _) = frame(&ctx, 300.0, 2000.0);
        assert!(
            narrower.len() > 50,
            "blocks above the view are measured again"
        );
    }

    #[test]
    fn everything_is_drawn_while_a_widget_has_focus() {
        let ctx = egui::Context::default();
        let _ = frame(&ctx, 400.0, 0.0);
        ctx.memory_mut(|m| m.request_focus(egui::Id::unique("a text box")));
        let (drawn, _) = frame(&ctx, 400.0, 0.0);
        assert_eq!(drawn.len(), 100, "so Tab can reach every widget in order");
    }

    #[test]
    fn everything_is_drawn_for_a_screen_reader() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        let _ = frame(&ctx, 400.0, 0.0);
        let (drawn, _) = frame(&ctx, 400.0, 0.0);
        assert_eq!(drawn.len(), 100, "so the whole text can be read");
    }

    #[test]
    fn the_first_frame_lays_out_only_what_shows_even_for_a_screen_reader() {
        for stand_in in [false, true] {
            let ctx = egui::Context::default();
            ctx.enable_accesskit();
            let (first, stood_in, _) = frame_with(&ctx, 400.0, 0.0, stand_in);
            assert!(first.len() < 12, "what shows is drawn: {first:?}");
            assert!(
                stood_in.is_empty(),
                "nothing stands in at a guessed place: {stood_in:?}"
            );
            assert!(
                ctx.has_requested_repaint(),
                "egui asks for the next frame at once, which measures the rest"
            );
            let (second, _, height) = frame_with(&ctx, 400.0, 0.0, stand_in);
            assert_eq!(second.len(), 100, "the next frame measures every block");
            let (_, _, measured) = frame_with(&ctx, 400.0, 0.0, stand_in);
            assert!(
                height > 4000.0 && (height - measured).abs() < 0.5,
                "the whole list, which then stays put: {height} {measured}"
            );
        }
    }

    #[test]
    fn for_a_screen_reader_a_block_out_of_view_stands_in_where_it_can() {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        let _ = frame_with(&ctx, 400.0, 0.0, true);
        let (second, _, _) = frame_with(&ctx, 400.0, 0.0, true);
        assert_eq!(second.len(), 100, "every block is measured once");
        let (drawn, stood_in, _) = frame_with(&ctx, 400.0, 0.0, true);
        assert!(drawn.len() < 12, "what shows is drawn: {drawn:?}");
        assert_eq!(drawn.len() + stood_in.len(), 100, "the rest stands in");
        assert!(stood_in.contains(&99));

        // Without a screen reader nothing stands in.
        let ctx = egui::Context::default();
        let _ = frame_with(&ctx, 400.0, 0.0, true);
        let (drawn, stood_in, _) = frame_with(&ctx, 400.0, 0.0, true);
        assert!(
            drawn.len() < 12 && stood_in.is_empty(),
            "{drawn:?} {stood_in:?}"
        );
    }
}

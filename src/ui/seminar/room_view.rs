//! The room view: the case and the discussion in large type, for the projector, in its
//! own window, in its own projector palette (see [`theme::ThemeChoice::room_palette`]).

use crate::ui::SeminarAction;

use egui::RichText;

use super::super::Action;
use super::super::a11y;
use super::super::theme;

use super::charts::{agenda_ui, distribution_ui, marked_answer, model_answer_ui};
use super::{SeminarView, Stage, seminar_keys};

/// Where the discussion is, as the room sees it: "Section 2 of 5", "Factor 2 of 9",
/// "Debrief".
pub fn room_position(view: &SeminarView<'_>) -> String {
    match view.seminar.stage {
        Stage::Section(index) => {
            format!("Section {} of {}", index + 1, view.case.sections.len())
        }
        Stage::Factor(index) => format!("Factor {} of {}", index + 1, view.model.factors.len()),
        Stage::Debrief => "Debrief".to_owned(),
    }
}

/// The smallest body text the room view fits to, in points: readable from the back of a
/// seminar room on a projector.
pub const ROOM_MIN_BODY: f32 = 20.0;

/// Lines of body text kept free above the text that must fit: the case and position line,
/// a heading of up to two lines at 1.5 times the body size, and the spacing between.
const ROOM_RESERVE: f32 = 6.0;

/// The longest texts the room reads at once at this stage: each paragraph of the section;
/// for a factor its summary and, once revealed, each reading and why people disagree; for
/// the debrief, each item's prompt.
fn texts_to_fit<'a>(view: &'a SeminarView<'_>) -> Vec<&'a str> {
    match view.seminar.stage {
        Stage::Section(index) => view
            .case
            .sections
            .get(index)
            .map(|s| s.passages.iter().map(|p| p.text.as_str()).collect())
            .unwrap_or_default(),
        Stage::Factor(index) => {
            let Some(factor) = view.model.factors.get(index) else {
                return Vec::new();
            };
            let mut texts = vec![factor.summary.as_str()];
            if view.seminar.revealed.contains(&factor.id)
                && let Some(answer) = view.case.answer(&factor.id)
            {
                texts.push(answer.rationale.as_str());
                if let Some(contested) = &answer.contested {
                    texts.push(contested.other_rationale.as_str());
                    texts.push(contested.why.as_str());
                }
            }
            texts
        }
        Stage::Debrief => view
            .agenda
            .iter()
            .filter_map(|item| view.case.answer(&item.factor))
            .filter_map(|answer| answer.prompt.as_deref())
            .collect(),
    }
}

/// The room view's body text size for a view of `area` points: the largest (in steps of 2
/// points, from [`ROOM_MIN_BODY`] up to a size that keeps about 24 words to a line) at
/// which the longest paragraph or reading of this stage fits on screen under the heading,
/// then stepped larger or smaller by the facilitator (15% a step).
pub fn room_body_size(ctx: &egui::Context, area: egui::Vec2, view: &SeminarView<'_>) -> f32 {
    let texts = texts_to_fit(view);
    let width = text_width(area.x);
    let largest = (area.x / 24.0).max(ROOM_MIN_BODY);
    let mut fits = ROOM_MIN_BODY;
    let mut size = ROOM_MIN_BODY;
    while size <= largest {
        let tallest = ctx.fonts_mut(|fonts| {
            texts
                .iter()
                .map(|text| {
                    fonts
                        .layout(
                            (*text).to_owned(),
                            egui::FontId::proportional(size),
                            egui::Color32::WHITE,
                            width,
                        )
                        .size()
                        .y
                })
                .fold(0.0, f32::max)
        });
        if tallest + size * ROOM_RESERVE > area.y {
            break;
        }
        fits = size;
        size += 2.0;
    }
    (fits * 1.15_f32.powi(view.room_text)).clamp(12.0, 200.0)
}

/// The width paragraphs wrap to in a room view `width` points wide: lines no wider than
/// 1500 points, less the paragraph number's column.
fn text_width(width: f32) -> f32 {
    (width.min(1500.0) - 60.0).max(100.0)
}

/// The stage as something to tell each stage's scrolling apart by.
fn stage_key(view: &SeminarView<'_>) -> (u8, usize) {
    match view.seminar.stage {
        Stage::Section(index) => (0, index),
        Stage::Factor(index) => (1, index),
        Stage::Debrief => (2, 0),
    }
}

fn room_page_id(view: &SeminarView<'_>) -> egui::Id {
    egui::Id::unique(("casebook_room_page", stage_key(view)))
}

/// How many screens the facilitator has scrolled the room view down at this stage. Like a
/// scroll area's own offset, this is the view's state, kept by egui, not the app's.
fn room_page(ctx: &egui::Context, view: &SeminarView<'_>) -> u32 {
    ctx.data(|d| d.get_temp::<u32>(room_page_id(view)))
        .unwrap_or(0)
}

/// Scrolls the room view down (`pages` above 0) or up by most of a screen a page.
pub fn scroll_room(ctx: &egui::Context, view: &SeminarView<'_>, pages: i32) {
    let page = room_page(ctx, view).saturating_add_signed(pages).min(50);
    ctx.data_mut(|d| d.insert_temp(room_page_id(view), page));
}

/// The room view: what the projector shows, in large type.
pub fn room_view_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Room view");
    let body = room_body_size(ui.ctx(), ui.available_size(), view);
    let heading = body * 1.5;
    // The case and where the discussion is, always in sight, with the time left.
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{}: {}", view.case.title, room_position(view)))
                .size(body * 0.75)
                .color(theme::colors(ui).secondary_text),
        );
        if let Some(timer) = &view.seminar.timer {
            let left = if timer.remaining(view.now) <= 0.0 {
                "Time is up".to_owned()
            } else {
                format!("{} left", timer.display(view.now))
            };
            ui.label(
                RichText::new(left)
                    .size(body)
                    .family(theme::bold())
                    .color(theme::colors(ui).text),
            );
        }
    });
    // The facilitator scrolls the room from the console, most of a screen at a time; each
    // stage starts at its top.
    let page = ui.available_height() * 0.8;
    let offset = room_page(ui.ctx(), view) as f32 * page;
    egui::ScrollArea::vertical()
        .id_salt(("room_view_scroll", stage_key(view)))
        .auto_shrink([false, false])
        .vertical_scroll_offset(offset)
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(1500.0));
            match view.seminar.stage {
                Stage::Section(index) => {
                    let Some(section) = view.case.sections.get(index) else {
                        return;
                    };
                    a11y::heading(
                        ui,
                        1,
                        RichText::new(&section.heading)
                            .size(heading)
                            .family(theme::bold()),
                    );
                    if let Some(period) = &section.period {
                        ui.label(
                            RichText::new(period)
                                .size(body)
                                .color(theme::colors(ui).secondary_text),
                        );
                    }
                    ui.add_space(12.0);
                    for passage in &section.passages {
                        ui.horizontal_top(|ui| {
                            ui.label(
                                RichText::new(passage.number.to_string())
                                    .size(body)
                                    .color(theme::colors(ui).secondary_text),
                            );
                            ui.add(
                                egui::Label::new(RichText::new(&passage.text).size(body)).wrap(),
                            );
                        });
                        ui.add_space(10.0);
                    }
                }
                Stage::Factor(index) => {
                    let Some(factor) = view.model.factors.get(index) else {
                        return;
                    };
                    a11y::heading(
                        ui,
                        1,
                        RichText::new(format!("{}: {}", factor.group.singular(), factor.name))
                            .size(heading)
                            .family(theme::bold()),
                    );
                    ui.label(RichText::new(&factor.summary).size(body));
                    ui.add_space(12.0);
                    let marks = view.room.get(&factor.id).cloned().unwrap_or_default();
                    let revealed = view.seminar.revealed.contains(&factor.id);
                    if let Some(answer) = view.case.answer(&factor.id) {
                        let style = ui.style_mut();
                        style
                            .text_styles
                            .insert(egui::TextStyle::Body, egui::FontId::proportional(body));
                        distribution_ui(
                            ui,
                            &marks.tally,
                            marked_answer(answer, revealed),
                            (body * 7.0).min(ui.available_height() * 0.4),
                            ("room_chart", index),
                        );
                        ui.add_space(12.0);
                        if revealed {
                            model_answer_ui(ui, answer, body / theme::BODY_SIZE);
                        } else {
                            ui.label(
                                RichText::new(
                                    "The model's answer will be shown after the discussion.",
                                )
                                .size(body)
                                .color(theme::colors(ui).secondary_text),
                            );
                        }
                    }
                }
                Stage::Debrief => agenda_ui(ui, view, Some(body), actions),
            }
        });
}

/// A window of the room view's own: the room view in the room's palette, filling it, with
/// the seminar's keys. The desktop's second window; in a browser, the room page's.
pub fn room_window_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            theme::with_room_palette(ui, view.room_theme, 32.0, |ui| {
                seminar_keys(ui, view, actions);
                room_view_ui(ui, view, actions);
            });
        });
    a11y::finish(ui.ctx());
}

/// Shows the room view in its own window (embedded in the main one where the platform or
/// a test cannot open a second window), in the room's palette whatever the console's
/// theme.
pub fn show_room_view(ctx: &egui::Context, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    let builder = egui::ViewportBuilder::default()
        .with_title("Casebook room view")
        .with_inner_size([1280.0, 720.0]);
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("room_view"),
        builder,
        |ui, class| {
            if class == egui::ViewportClass::EmbeddedWindow {
                ui.set_max_size(egui::vec2(1100.0, 640.0));
                theme::with_room_palette(ui, view.room_theme, 16.0, |ui| {
                    room_view_ui(ui, view, actions);
                });
                return;
            }
            room_window_ui(ui, view, actions);
            if ui.input(|i| i.viewport().close_requested()) {
                actions.push(Action::Seminar(SeminarAction::SetRoomView(false)));
            }
        },
    );
}

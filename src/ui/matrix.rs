//! The casebook matrix: cases down, factors across, each cell the model's verdict, so a
//! facilitator sees at a glance which cases teach which factor. A cell opens the case at
//! that factor. Filters narrow the cases by audience and length.
//!
//! The grid keeps its headings in view: the factor names stay at the top while the cases
//! scroll under them, and the case names stay at the left if the grid scrolls sideways
//! (at large text sizes). Every column is at least as wide as its longest word, so no word
//! is broken, and the columns share the window's width: with the bundled cases nothing
//! scrolls sideways at 1280 or 1920 pixels wide at the usual text size.

use crate::ui::CaseAction;
use crate::ui::LibraryAction;
use egui::{Color32, FontId, Rect, RichText, TextStyle, UiBuilder, pos2, vec2};

use crate::domain::casebook::short_title;
use crate::domain::{Audience, Case, CaseFilter, Length, Model, Verdict};

use super::Action;
use super::a11y;
use super::theme;

/// Space between cells.
const GAP: f32 = 3.0;
/// Space inside a heading's column, so its longest word never touches the next one.
const PAD: f32 = 6.0;
/// The height of a row of cells at least.
const ROW: f32 = 44.0;

/// The widths of the case column and of each factor column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Columns {
    case: f32,
    factor: f32,
}

impl Columns {
    /// Whether `factors` columns of this width fit beside the case column in `available`.
    fn fits(self, available: f32, factors: usize) -> bool {
        self.case + factors as f32 * (self.factor + GAP) <= available
    }
}

/// Shares `available` pixels between the case column and `factors` factor columns. The
/// case column gets what the factor columns leave at their minimum, kept between
/// `case_min` and 260 (or `case_min`, if more); the factor columns share the rest, each
/// between `factor_min` and 220. When the minimums do not fit, the grid is wider than
/// `available` and scrolls sideways.
fn columns(available: f32, case_min: f32, factor_min: f32, factors: usize) -> Columns {
    let count = factors.max(1) as f32;
    let left = available - count * (factor_min + GAP);
    let case = left.clamp(case_min, case_min.max(260.0));
    let share = (available - case) / count - GAP;
    let factor = share.clamp(factor_min, factor_min.max(220.0));
    Columns { case, factor }
}

/// The width of the widest single word in `texts`, in `font`.
fn widest_word<'a>(ui: &egui::Ui, texts: impl Iterator<Item = &'a str>, font: &FontId) -> f32 {
    let words: Vec<&str> = texts.flat_map(str::split_whitespace).collect();
    ui.fonts_mut(|fonts| {
        words
            .iter()
            .map(|word| {
                fonts
                    .layout_no_wrap((*word).to_owned(), font.clone(), Color32::WHITE)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    })
}

/// The height of `text` in `font` wrapped at `width`.
fn wrapped_height(ui: &egui::Ui, text: &str, font: &FontId, width: f32) -> f32 {
    ui.fonts_mut(|fonts| {
        fonts
            .layout(text.to_owned(), font.clone(), Color32::WHITE, width)
            .size()
            .y
    })
}

/// Draws the matrix for the cases that pass the filter.
pub fn matrix_ui(
    ui: &mut egui::Ui,
    model: &Model,
    cases: &[&Case],
    filter: CaseFilter,
    actions: &mut Vec<Action>,
) {
    let title = a11y::heading(ui, 1, RichText::new("Cases by factor").heading());
    a11y::titled_region(ui, &title);
    ui.label(
        "The model's reading of each factor in each case. Choose a cell to open that case at that factor. \
         Use it to pick cases that show a factor present and cases that show it missing.",
    );
    filter_ui(ui, filter, actions);
    let shown: Vec<&Case> = cases
        .iter()
        .copied()
        .filter(|c| filter.accepts(c))
        .collect();
    if shown.is_empty() {
        ui.label(
            RichText::new("No case matches these filters. Choose 'Any audience' or 'Any length'.")
                .family(theme::bold()),
        );
        return;
    }
    ui.label(
        RichText::new(format!("Showing {} of {} cases.", shown.len(), cases.len()))
            .color(theme::colors(ui).secondary_text),
    );
    ui.add_space(6.0);
    grid_ui(ui, model, &shown, actions);
}

/// The grid: sticky factor heads across the top, sticky case names down the left.
fn grid_ui(ui: &mut egui::Ui, model: &Model, shown: &[&Case], actions: &mut Vec<Action>) {
    let body = TextStyle::Body.resolve(ui.style());
    let small = TextStyle::Small.resolve(ui.style());
    let bold = FontId::new(body.size, theme::bold());
    // A small line below a label: its height and the space between them.
    let small_line = ui.fonts_mut(|f| f.row_height(&small)) + ui.spacing().item_spacing.y;

    let verdict_words = Verdict::ALL
        .iter()
        .map(|v| v.label())
        .chain(["(contested)", "0 present"]);
    let cell_min = widest_word(ui, verdict_words, &small);
    let names = || model.factors.iter().map(|f| f.name.as_str());
    let case_min = PAD + widest_word(ui, shown.iter().map(|c| short_title(c)), &bold).max(120.0);
    let available = ui.available_width() - ui.spacing().scroll.allocated_width();
    // The factor names in body type if all nine fit so, else in small type (a 1280 laptop).
    let mut head_font = bold.clone();
    let mut factor_min = PAD + widest_word(ui, names(), &head_font).max(cell_min);
    let mut width = columns(available, case_min, factor_min, model.factors.len());
    if !width.fits(available, model.factors.len()) {
        head_font = FontId::new(small.size, theme::bold());
        factor_min = PAD + widest_word(ui, names(), &head_font).max(cell_min);
        width = columns(available, case_min, factor_min, model.factors.len());
    }

    let head = model
        .factors
        .iter()
        .map(|f| wrapped_height(ui, &f.name, &head_font, width.factor - PAD))
        .fold(0.0, f32::max)
        + small_line
        + PAD;
    let rows: Vec<f32> = shown
        .iter()
        .map(|c| {
            (wrapped_height(ui, short_title(c), &bold, width.case - PAD) + small_line + PAD)
                .max(ROW)
        })
        .collect();
    let counts_row = 3.0 * small_line + PAD;
    let columns_width = model.factors.len() as f32 * (width.factor + GAP);
    let total = vec2(
        width.case + columns_width,
        head + rows.iter().map(|h| h + GAP).sum::<f32>() + counts_row,
    );

    egui::ScrollArea::both()
        .id_salt("cases-by-factor")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            ui.expand_to_include_rect(Rect::from_min_size(origin, total));
            let seen = viewport.translate(origin.to_vec2());
            let column_x =
                |index: usize| origin.x + width.case + index as f32 * (width.factor + GAP);

            // The cells, clipped to the part the headings do not cover.
            ui.scope(|ui| {
                let clip =
                    Rect::from_min_max(pos2(seen.min.x + width.case, seen.min.y + head), seen.max);
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                let mut y = origin.y + head;
                for (case, height) in shown.iter().zip(&rows) {
                    for (index, factor) in model.factors.iter().enumerate() {
                        let rect = Rect::from_min_size(
                            pos2(column_x(index), y),
                            vec2(width.factor, *height),
                        );
                        cell_ui(ui, rect, case, factor, index, actions);
                    }
                    y += height + GAP;
                }
                for (index, factor) in model.factors.iter().enumerate() {
                    let rect = Rect::from_min_size(
                        pos2(column_x(index), y),
                        vec2(width.factor, counts_row),
                    );
                    ui.put(
                        rect,
                        egui::Label::new(counts(shown, &factor.id)).halign(egui::Align::Min),
                    );
                }
                a11y::keep_focus_clear_of(ui, vec2(width.case, head));
            });

            // The case names, in place when the grid scrolls sideways.
            ui.scope(|ui| {
                let clip = Rect::from_min_max(
                    pos2(seen.min.x, seen.min.y + head),
                    pos2(seen.min.x + width.case, seen.max.y),
                );
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                let mut y = origin.y + head;
                for (case, height) in shown.iter().zip(&rows) {
                    let rect =
                        Rect::from_min_size(pos2(seen.min.x, y), vec2(width.case - PAD, *height));
                    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(short_title(case)).family(theme::bold()),
                            )
                            .wrap(),
                        );
                        ui.label(
                            RichText::new(format!("{} min", case.minutes))
                                .small()
                                .color(theme::colors(ui).secondary_text),
                        );
                    });
                    y += height + GAP;
                }
                let rect =
                    Rect::from_min_size(pos2(seen.min.x, y), vec2(width.case - PAD, counts_row));
                ui.put(
                    rect,
                    egui::Label::new(RichText::new("Across these cases").family(theme::bold()))
                        .wrap(),
                );
            });

            // The factor names, in place when the cases scroll under them.
            ui.scope(|ui| {
                let clip = Rect::from_min_max(
                    pos2(seen.min.x + width.case, seen.min.y),
                    pos2(seen.max.x, seen.min.y + head),
                );
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                for (index, factor) in model.factors.iter().enumerate() {
                    let rect = Rect::from_min_size(
                        pos2(column_x(index), seen.min.y),
                        vec2(width.factor - PAD, head),
                    );
                    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(&factor.name).font(head_font.clone()))
                                .wrap(),
                        );
                        ui.label(
                            RichText::new(factor.group.singular())
                                .small()
                                .color(theme::colors(ui).secondary_text),
                        );
                    });
                }
            });

            let corner = Rect::from_min_size(seen.min, vec2(width.case - PAD, head));
            ui.scope_builder(UiBuilder::new().max_rect(corner), |ui| {
                ui.label(RichText::new("Case").family(theme::bold()));
            });
        });
}

/// One cell: the model's verdict on `factor` in `case`, a button that opens the case there.
fn cell_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    case: &Case,
    factor: &crate::domain::Factor,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(answer) = case.answer(&factor.id) else {
        return;
    };
    let contested = answer.contested.is_some();
    let text = if contested {
        format!("{}\n(contested)", answer.verdict.label())
    } else {
        answer.verdict.label().to_owned()
    };
    let button = egui::Button::new(RichText::new(text).small())
        .fill(fill(answer.verdict, &theme::colors(ui)))
        .min_size(rect.size());
    let response = ui.put(rect, button);
    let name = format!(
        "{}, {}: {}{}",
        short_title(case),
        factor.name,
        answer.verdict.label(),
        if contested { ", contested" } else { "" }
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if response.clicked() {
        actions.push(Action::Case(CaseAction::OpenAt(case.id.clone(), index)));
    }
}

/// How many of the cases the model reads as present, partly present and missing.
fn counts(cases: &[&Case], factor: &crate::domain::FactorId) -> RichText {
    let mut counts = [0usize; 3];
    for case in cases {
        if let Some(slot) = case
            .answer(factor)
            .and_then(|a| a.verdict.position())
            .and_then(|p| counts.get_mut(usize::from(p)))
        {
            *slot += 1;
        }
    }
    let [present, partly, missing] = counts;
    RichText::new(format!(
        "{present} present\n{partly} partly\n{missing} missing"
    ))
    .small()
}

fn filter_ui(ui: &mut egui::Ui, filter: CaseFilter, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Audience:").family(theme::bold()));
        let audiences = [
            (None, "Any audience"),
            (
                Some(Audience::SeniorLeaders),
                Audience::SeniorLeaders.label(),
            ),
            (Some(Audience::AllGrades), Audience::AllGrades.label()),
        ];
        for (audience, label) in audiences {
            let response = ui.radio(filter.audience == audience, label);
            if response.clicked() {
                actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                    CaseFilter { audience, ..filter },
                )));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Length:").family(theme::bold()));
        let response = ui.radio(filter.length.is_none(), "Any length");
        if response.clicked() {
            actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                CaseFilter {
                    length: None,
                    ..filter
                },
            )));
        }
        for length in Length::ALL {
            let response = ui.radio(filter.length == Some(length), length.label());
            if response.clicked() {
                actions.push(Action::Library(LibraryAction::SetMatrixFilter(
                    CaseFilter {
                        length: Some(length),
                        ..filter
                    },
                )));
            }
        }
    });
}

/// The cell colour for a verdict. The verdict is always written in the cell too.
fn fill(verdict: Verdict, palette: &theme::Palette) -> Color32 {
    match verdict {
        Verdict::Present => palette.found_fill,
        Verdict::Partly => palette.missed_fill,
        Verdict::Missing => palette.missing_fill,
        Verdict::CantTell => palette.extra_fill,
    }
}

#[cfg(test)]
mod tests {
    use super::{Columns, GAP, columns};

    #[test]
    fn columns_share_the_width_and_never_go_below_their_longest_word() {
        // 1904 wide, nine factors at 110 at least: they leave 914, so the case column
        // takes its 260; the rest, 1644, shared by nine, less the gap, is 179.67 each.
        let wide = columns(1904.0, 150.0, 110.0, 9);
        assert_eq!(wide.case, 260.0);
        assert!((wide.factor - (1644.0 / 9.0 - GAP)).abs() < 0.01);
        assert!(wide.fits(1904.0, 9));
        // 1254 wide, nine at 118 at least: they leave 1254 - 9 * 121 = 165 for the cases;
        // the factors get (1254 - 165) / 9 - 3 = 118 each. Exactly fits.
        let laptop = columns(1254.0, 150.0, 118.0, 9);
        assert_eq!(
            laptop,
            Columns {
                case: 165.0,
                factor: 118.0
            }
        );
        assert!(laptop.fits(1254.0, 9));
        // With a 130 minimum they do not: the case column keeps its 150, and
        // 150 + 9 * 133 = 1347 > 1254.
        let tight = columns(1254.0, 150.0, 130.0, 9);
        assert_eq!(
            tight,
            Columns {
                case: 150.0,
                factor: 130.0
            }
        );
        assert!(!tight.fits(1254.0, 9));
        // Very wide: no column grows past 220, nor the case column past 260.
        assert_eq!(
            columns(4000.0, 150.0, 110.0, 9),
            Columns {
                case: 260.0,
                factor: 220.0
            }
        );
        // A long word wins over the caps.
        assert_eq!(
            columns(1000.0, 300.0, 240.0, 9),
            Columns {
                case: 300.0,
                factor: 240.0
            }
        );
    }
}

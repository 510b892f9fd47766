//! What the console and the room view both show: the room's verdicts as a chart and a
//! heat map, the model's answer, and the debrief agenda.

use crate::ui::SeminarAction;

use egui::RichText;
use egui_plot::{Bar, BarChart, Plot};

use crate::domain::Verdict;
use crate::domain::seminar::{RoomFactor, Tally};

use super::super::Action;
use super::super::a11y;
use super::super::marking::{excerpt, in_sentence};
use super::super::theme;

use super::{SeminarView, Stage};

/// The passages the room cited for this factor, with how many cited each, beside the
/// passages the model cites.
pub(super) fn heatmap_ui(
    ui: &mut egui::Ui,
    view: &SeminarView<'_>,
    marks: &RoomFactor,
    answer: &crate::domain::Answer,
) {
    a11y::heading(ui, 3, theme::subheading("Evidence the room cited"));
    let files = view.seminar.gathered.accepted.len();
    if files == 0 {
        ui.label(
            RichText::new("Import attempt files to see which paragraphs people cited.")
                .color(theme::colors(ui).secondary_text),
        );
    } else {
        ui.label(
            RichText::new(format!(
                "From {files} attempt {}.",
                if files == 1 { "file" } else { "files" }
            ))
            .color(theme::colors(ui).secondary_text),
        );
    }
    let most = marks.evidence.values().copied().max().unwrap_or(0).max(1);
    for passage in view.case.passages() {
        let count = marks.evidence.get(&passage.id).copied().unwrap_or(0);
        let model_cites = answer.evidence.contains(&passage.id);
        if count == 0 && !model_cites {
            continue;
        }
        ui.horizontal(|ui| {
            ui.add_sized(
                [36.0, 20.0],
                egui::Label::new(
                    RichText::new(format!("¶{}", passage.number)).family(theme::bold()),
                ),
            );
            let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 18.0), egui::Sense::hover());
            ui.painter().rect_stroke(
                rect,
                2.0,
                egui::Stroke::new(1.0, theme::colors(ui).border),
                egui::StrokeKind::Inside,
            );
            let mut filled = rect;
            filled.set_width(rect.width() * count as f32 / most as f32);
            ui.painter()
                .rect_filled(filled, 2.0, theme::colors(ui).blue);
            ui.label(format!("{count} cited"));
            if model_cites {
                ui.label(
                    RichText::new("Model cites")
                        .family(theme::bold())
                        .color(theme::colors(ui).green),
                );
            }
            ui.add(egui::Label::new(excerpt(&passage.text, 60)).truncate());
        });
    }
}

/// The verdict to mark on the chart as the model's answer: only once revealed, and never
/// for a contested factor, which has two readings and no single right answer.
pub(super) fn marked_answer(answer: &crate::domain::Answer, revealed: bool) -> Option<Verdict> {
    (revealed && answer.contested.is_none()).then_some(answer.verdict)
}

/// A bar per verdict, with the model's verdict (`model`, see [`marked_answer`]) in green,
/// and the same in words.
pub(super) fn distribution_ui(
    ui: &mut egui::Ui,
    tally: &Tally,
    model: Option<Verdict>,
    height: f32,
    id: impl std::hash::Hash + std::fmt::Debug,
) {
    let bars: Vec<Bar> = Verdict::ALL
        .iter()
        .enumerate()
        .map(|(i, &verdict)| {
            let fill = if model == Some(verdict) {
                theme::colors(ui).green
            } else {
                theme::colors(ui).blue
            };
            Bar::new(i as f64, f64::from(tally.count(verdict)))
                .name(verdict.label())
                .fill(fill)
                .width(0.6)
        })
        .collect();
    let labels = |mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>| {
        let i = mark.value.round();
        if (mark.value - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        Verdict::ALL
            .get(i as usize)
            .map_or(String::new(), |v| v.label().to_owned())
    };
    let chart = Plot::new(egui::Id::unique(id))
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .show_grid(false)
        .include_y(0.0)
        .include_y(f64::from(tally.total().max(1)))
        .x_axis_formatter(labels)
        .show(ui, |plot| plot.bar_chart(BarChart::new("The room", bars)));
    let words: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| format!("{} {}", v.label(), tally.count(v)))
        .collect();
    let mut line = format!("The room ({} marks): {}.", tally.total(), words.join(", "));
    if let Some(model) = model {
        line.push_str(&format!(" The model: {model}."));
    }
    a11y::image(
        &chart.response,
        "Bar chart of the room's marks, given in words below it",
    );
    ui.label(line);
}

pub(super) fn model_answer_ui(ui: &mut egui::Ui, answer: &crate::domain::Answer, scale: f32) {
    let size = theme::BODY_SIZE * scale;
    match &answer.contested {
        Some(contested) => {
            ui.label(
                RichText::new("Contested: two readings, both defensible")
                    .size(size * 1.2)
                    .family(theme::bold()),
            );
            ui.label(
                RichText::new(format!("One reading: {}", answer.verdict))
                    .size(size)
                    .family(theme::bold()),
            );
            ui.label(RichText::new(&answer.rationale).size(size));
            ui.label(
                RichText::new(format!("The other reading: {}", contested.other_verdict))
                    .size(size)
                    .family(theme::bold()),
            );
            ui.label(RichText::new(&contested.other_rationale).size(size));
            ui.label(RichText::new(format!("Why people disagree: {}", contested.why)).size(size));
        }
        None => {
            ui.label(
                RichText::new(format!("The model: {}", answer.verdict))
                    .size(size * 1.2)
                    .family(theme::bold()),
            );
            ui.label(RichText::new(&answer.rationale).size(size));
        }
    }
}

pub(super) fn agenda_ui(
    ui: &mut egui::Ui,
    view: &SeminarView<'_>,
    room_body: Option<f32>,
    actions: &mut Vec<Action>,
) {
    let room = room_body.is_some();
    let scale = room_body.map_or(1.0, |body| body / theme::BODY_SIZE);
    let size = theme::BODY_SIZE * scale;
    // The room view's own title; a part of the console's current step.
    a11y::heading(
        ui,
        if room { 1 } else { 2 },
        RichText::new("Debrief agenda")
            .size(theme::HEADING_SIZE * scale)
            .family(theme::bold()),
    );
    let agenda = if room { view.room_agenda } else { view.agenda };
    if agenda.is_empty() {
        ui.label(
            RichText::new("Enter the room's marks for some factors to build the agenda.")
                .size(size),
        );
        return;
    }
    if !room {
        ui.label(
            RichText::new(crate::domain::seminar::AGENDA_ORDER)
                .color(theme::colors(ui).secondary_text),
        );
    }
    for (n, item) in agenda.iter().enumerate() {
        let Some(index) = view.model.factors.iter().position(|f| f.id == item.factor) else {
            continue;
        };
        let name = view.model.factor_name(&item.factor);
        ui.add_space(6.0);
        a11y::heading(
            ui,
            if room { 2 } else { 3 },
            RichText::new(format!("{}. {name}", n + 1))
                .size(size * 1.15)
                .family(theme::bold()),
        );
        ui.label(RichText::new(format!("{}. {}", item.reason.label(), item.words())).size(size));
        let prompt = view
            .case
            .answer(&item.factor)
            .and_then(|a| a.prompt.clone())
            .or_else(|| {
                view.model
                    .factors
                    .get(index)
                    .and_then(|f| f.questions.first().cloned())
            });
        if let Some(prompt) = prompt {
            ui.label(
                RichText::new(format!("Prompt: {prompt}"))
                    .size(size)
                    .italics(),
            );
        }
        if !room && ui.button(format!("Go to {}", in_sentence(name))).clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Factor(index))));
        }
    }
}

//! Seminar mode: a facilitator's console in the main window, and a room view with large
//! type for the projector, in a second window. The console holds the controls, the notes
//! and the prompts, so the room does not see them.
//!
//! The facilitator moves through the case one section at a time, then one factor at a
//! time, then to the debrief. Page Down and Page Up (what presentation clickers send), or
//! the arrow keys when nothing else has focus, move on and back. R reveals the model's
//! answer for the factor on screen.

use crate::ui::SeminarAction;
use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Plot};

use crate::domain::seminar::{AgendaItem, RoomFactor, Tally, Timer};
use crate::domain::{Case, CaseId, FactorId, Model, Verdict};
use crate::io::attempt_file::Gathered;

use super::a11y;
use super::marking::excerpt;
use super::theme;
use super::{Action, Dialog};

/// Where the seminar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading a section of the case, by position.
    Section(usize),
    /// Discussing a factor, by position in the model.
    Factor(usize),
    /// The debrief agenda.
    Debrief,
}

/// A seminar in progress.
#[derive(Clone, Debug)]
pub struct Seminar {
    /// The case being discussed.
    pub case: CaseId,
    /// Where the room is.
    pub stage: Stage,
    /// Show-of-hands counts, by factor.
    pub hands: BTreeMap<FactorId, Tally>,
    /// Attempt files counted and set aside.
    pub gathered: Gathered,
    /// Factors whose model answer the room has seen.
    pub revealed: BTreeSet<FactorId>,
    /// The facilitator's timer, if started.
    pub timer: Option<Timer>,
    /// Whether the room view window is open.
    pub room_view: bool,
    /// The last thing saved or imported, for the status line.
    pub status: Option<String>,
}

impl Seminar {
    /// A new seminar on a case, at its first section, with the room view open.
    pub fn new(case: &Case) -> Self {
        Self {
            case: case.id.clone(),
            stage: Stage::Section(0),
            hands: BTreeMap::new(),
            gathered: Gathered::default(),
            revealed: BTreeSet::new(),
            timer: None,
            room_view: true,
            status: None,
        }
    }

    /// The stage `step` places on from the current one, staying within the seminar.
    pub fn stepped(&self, case: &Case, factors: usize, step: i32) -> Stage {
        let stages: Vec<Stage> = (0..case.sections.len())
            .map(Stage::Section)
            .chain((0..factors).map(Stage::Factor))
            .chain(std::iter::once(Stage::Debrief))
            .collect();
        let at = stages.iter().position(|s| *s == self.stage).unwrap_or(0) as i64;
        let last = stages.len().saturating_sub(1) as i64;
        let to = (at + i64::from(step)).clamp(0, last) as usize;
        stages.get(to).copied().unwrap_or(self.stage)
    }
}

/// What the seminar screens draw from.
pub struct SeminarView<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case.
    pub case: &'a Case,
    /// The seminar.
    pub seminar: &'a Seminar,
    /// The room's marks, hands and files together.
    pub room: &'a BTreeMap<FactorId, RoomFactor>,
    /// The debrief agenda.
    pub agenda: &'a [AgendaItem],
    /// The time now, in seconds, for the timer.
    pub now: f64,
}

impl SeminarView<'_> {
    fn current_factor(&self) -> Option<(usize, &crate::domain::Factor)> {
        match self.seminar.stage {
            Stage::Factor(index) => self.model.factors.get(index).map(|f| (index, f)),
            Stage::Section(_) | Stage::Debrief => None,
        }
    }
}

/// Reads the keys that move the seminar on, in whichever window has focus.
pub fn seminar_keys(ui: &egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    use super::keymap::{Command, Scope};
    for command in super::keymap::commands(ui.ctx(), &[Scope::Seminar]) {
        match command {
            Command::SeminarNext => actions.push(Action::Seminar(SeminarAction::Step(1))),
            Command::SeminarPrevious => actions.push(Action::Seminar(SeminarAction::Step(-1))),
            Command::Reveal => {
                if let Some((_, factor)) = view.current_factor() {
                    actions.push(Action::Seminar(SeminarAction::Reveal(factor.id.clone())));
                }
            }
            // Only seminar keys are asked for here.
            Command::Egui
            | Command::Help
            | Command::Close
            | Command::NextFactor
            | Command::PreviousFactor
            | Command::Verdict(_)
            | Command::Confidence(_)
            | Command::Check
            | Command::TextLarger
            | Command::TextSmaller
            | Command::TextStandard
            | Command::FullScreen => {}
        }
    }
}

/// The facilitator's console.
pub fn console_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    egui::Panel::left("seminar_steps")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("seminar_steps_scroll")
                .show(ui, |ui| steps_ui(ui, view, actions));
        });
    egui::Panel::right("seminar_room")
        .resizable(true)
        .default_size(380.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("seminar_room_scroll")
                .show(ui, |ui| room_panel_ui(ui, view, actions));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("seminar_stage")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                a11y::region(ui, "Current step");
                ui.set_max_width(ui.available_width().min(900.0));
                stage_controls_ui(ui, actions);
                match view.seminar.stage {
                    Stage::Section(index) => section_notes_ui(ui, view, index),
                    Stage::Factor(index) => factor_console_ui(ui, view, index, actions),
                    Stage::Debrief => agenda_ui(ui, view, false, actions),
                }
            });
    });
}

fn steps_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Seminar steps");
    a11y::heading(ui, 1, theme::subheading("Seminar"));
    ui.label(RichText::new(&view.case.title).family(theme::bold()));
    ui.add_space(6.0);
    a11y::heading(ui, 2, RichText::new("Read the case").family(theme::bold()));
    for (index, section) in view.case.sections.iter().enumerate() {
        let selected = view.seminar.stage == Stage::Section(index);
        let response = ui.add(
            egui::Button::selectable(
                selected,
                format!("Section {}: {}", index + 1, section.heading),
            )
            .wrap(),
        );
        if response.clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Section(index))));
        }
    }
    ui.add_space(6.0);
    a11y::heading(
        ui,
        2,
        RichText::new("Discuss each factor").family(theme::bold()),
    );
    for (index, factor) in view.model.factors.iter().enumerate() {
        let selected = view.seminar.stage == Stage::Factor(index);
        let marked = view.room.get(&factor.id).map_or(0, |r| r.tally.total());
        let shown = if view.seminar.revealed.contains(&factor.id) {
            ", answer shown"
        } else {
            ""
        };
        let text = format!(
            "Factor {}: {} ({marked} marks{shown})",
            index + 1,
            factor.name
        );
        let response = ui.add(egui::Button::selectable(selected, text).wrap());
        if response.clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Factor(index))));
        }
    }
    ui.add_space(6.0);
    let response = ui.add(egui::Button::selectable(
        view.seminar.stage == Stage::Debrief,
        "Debrief agenda",
    ));
    if response.clicked() {
        actions.push(Action::Seminar(SeminarAction::Go(Stage::Debrief)));
    }
    ui.add_space(12.0);
    let (label, open) = if view.seminar.room_view {
        ("Close the room view", false)
    } else {
        ("Open the room view", true)
    };
    if ui.button(label).clicked() {
        actions.push(Action::Seminar(SeminarAction::SetRoomView(open)));
    }
    if ui.button("End the seminar").clicked() {
        actions.push(Action::Seminar(SeminarAction::End));
    }
}

fn stage_controls_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Previous").clicked() {
            actions.push(Action::Seminar(SeminarAction::Step(-1)));
        }
        if ui.button("Next").clicked() {
            actions.push(Action::Seminar(SeminarAction::Step(1)));
        }
        ui.label(
            RichText::new(
                "Page Down and Page Up also move on and back; R shows the model's answer.",
            )
            .small()
            .color(theme::colors(ui).secondary_text),
        );
    });
    ui.separator();
}

fn section_notes_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, index: usize) {
    let Some(section) = view.case.sections.get(index) else {
        return;
    };
    a11y::heading(
        ui,
        2,
        RichText::new(format!(
            "Section {} of {}: {}",
            index + 1,
            view.case.sections.len(),
            section.heading
        ))
        .heading(),
    );
    if let Some(period) = &section.period {
        ui.label(RichText::new(period).color(theme::colors(ui).secondary_text));
    }
    ui.label("The room view shows this section in large type.");
    for passage in &section.passages {
        ui.horizontal_top(|ui| {
            ui.label(
                RichText::new(passage.number.to_string()).color(theme::colors(ui).secondary_text),
            );
            ui.add(egui::Label::new(&passage.text).wrap());
        });
    }
    if !view.case.facilitator_notes.is_empty() {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(theme::subheading("Facilitator notes"))
            .default_open(index == 0)
            .show(ui, |ui| {
                for note in &view.case.facilitator_notes {
                    ui.label(note);
                }
            });
    }
}

fn factor_console_ui(
    ui: &mut egui::Ui,
    view: &SeminarView<'_>,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(factor) = view.model.factors.get(index) else {
        return;
    };
    let Some(answer) = view.case.answer(&factor.id) else {
        return;
    };
    let marks = view.room.get(&factor.id).cloned().unwrap_or_default();
    let revealed = view.seminar.revealed.contains(&factor.id);
    a11y::heading(
        ui,
        2,
        RichText::new(format!(
            "Factor {} of {}: {}",
            index + 1,
            view.model.factors.len(),
            factor.name
        ))
        .heading(),
    );
    ui.label(&factor.summary);

    ui.add_space(6.0);
    a11y::heading(ui, 3, theme::subheading("Show of hands"));
    ui.label(RichText::new("Type how many hands went up for each verdict. Marks from attempt files are added to these.").color(theme::colors(ui).secondary_text));
    let hands = view
        .seminar
        .hands
        .get(&factor.id)
        .copied()
        .unwrap_or_default();
    egui::Grid::new(("hands", index))
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for verdict in Verdict::ALL {
                ui.label(verdict.label());
                let mut count = hands.count(verdict);
                let response = ui.add(egui::DragValue::new(&mut count).range(0..=999).speed(0.1));
                let name = format!("Hands for {}", verdict.label());
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &name));
                if response.changed() {
                    actions.push(Action::Seminar(SeminarAction::SetTally(
                        factor.id.clone(),
                        verdict,
                        count,
                    )));
                }
                ui.label(
                    RichText::new(format!("room total {}", marks.tally.count(verdict)))
                        .color(theme::colors(ui).secondary_text),
                );
                ui.end_row();
            }
        });

    ui.add_space(6.0);
    distribution_ui(
        ui,
        &marks.tally,
        answer.verdict,
        revealed,
        160.0,
        ("console_chart", index),
    );

    ui.add_space(6.0);
    if revealed {
        a11y::heading(
            ui,
            3,
            theme::subheading("The model's answer (the room can see it)"),
        );
        model_answer_ui(ui, answer, 1.0);
        if ui
            .button(format!("Hide the model's answer for {}", factor.name))
            .clicked()
        {
            actions.push(Action::Seminar(SeminarAction::Hide(factor.id.clone())));
        }
    } else {
        a11y::heading(
            ui,
            3,
            theme::subheading("The model's answer (hidden from the room)"),
        );
        ui.label(
            RichText::new(format!(
                "{}{}",
                answer.verdict,
                if answer.contested.is_some() {
                    ", contested"
                } else {
                    ""
                }
            ))
            .family(theme::bold()),
        );
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(format!("Reveal the model's answer for {}", factor.name))
                .clicked()
            {
                actions.push(Action::Seminar(SeminarAction::Reveal(factor.id.clone())));
            }
            if ui.button("Reveal every factor").clicked() {
                actions.push(Action::Seminar(SeminarAction::RevealAll));
            }
        });
    }

    ui.add_space(6.0);
    a11y::heading(ui, 3, theme::subheading("Questions to ask the room"));
    if let Some(prompt) = &answer.prompt {
        ui.label(format!("• {prompt}"));
    }
    for question in &factor.questions {
        ui.label(format!("• {question}"));
    }

    ui.add_space(6.0);
    heatmap_ui(ui, view, &marks, answer);
}

/// The passages the room cited for this factor, with how many cited each, beside the
/// passages the model cites.
fn heatmap_ui(
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

/// A bar per verdict, with the model's verdict marked once revealed, and the same in words.
fn distribution_ui(
    ui: &mut egui::Ui,
    tally: &Tally,
    model: Verdict,
    revealed: bool,
    height: f32,
    id: impl std::hash::Hash + std::fmt::Debug,
) {
    let bars: Vec<Bar> = Verdict::ALL
        .iter()
        .enumerate()
        .map(|(i, &verdict)| {
            let fill = if revealed && verdict == model {
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
    if revealed {
        line.push_str(&format!(" The model: {model}."));
    }
    a11y::image(
        &chart.response,
        "Bar chart of the room's marks, given in words below it",
    );
    ui.label(line);
}

fn model_answer_ui(ui: &mut egui::Ui, answer: &crate::domain::Answer, scale: f32) {
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

fn agenda_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, room: bool, actions: &mut Vec<Action>) {
    let scale = if room { 1.6 } else { 1.0 };
    let size = theme::BODY_SIZE * scale;
    // The room view's own title; a part of the console's current step.
    a11y::heading(
        ui,
        if room { 1 } else { 2 },
        RichText::new("Debrief agenda")
            .size(theme::HEADING_SIZE * scale)
            .family(theme::bold()),
    );
    if view.agenda.is_empty() {
        ui.label(
            RichText::new("Enter the room's marks for some factors to build the agenda.")
                .size(size),
        );
        return;
    }
    if !room {
        ui.label(
            RichText::new("Ordered by where the room split most, where it differed most from the model, and where people were sure but the model reads it differently.")
                .color(theme::colors(ui).secondary_text),
        );
    }
    for (n, item) in view.agenda.iter().enumerate() {
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
        ui.label(
            RichText::new(format!(
                "{}. Split {:.0}%, differs from the model {:.0}%, confident and wrong {:.0}%.{}",
                item.reason.label(),
                item.split * 100.0,
                item.departure * 100.0,
                item.confident_and_wrong * 100.0,
                if item.contested { " Contested." } else { "" }
            ))
            .size(size),
        );
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
        if !room && ui.button(format!("Go to {name}")).clicked() {
            actions.push(Action::Seminar(SeminarAction::Go(Stage::Factor(index))));
        }
    }
}

fn room_panel_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Attempt files, record and timer");
    a11y::heading(ui, 2, theme::subheading("Attempt files"));
    let gathered = &view.seminar.gathered;
    ui.label(format!(
        "{} counted, {} set aside. Anonymous unless a trainee added a label.",
        gathered.accepted.len(),
        gathered.rejected.len()
    ));
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import attempt files").clicked() {
            actions.push(Action::Ask(Dialog::ImportAttemptFiles));
        }
        if ui.button("Import a folder of attempt files").clicked() {
            actions.push(Action::Ask(Dialog::ImportAttemptFolder));
        }
    });
    let labels: Vec<&str> = gathered
        .accepted
        .iter()
        .filter_map(|a| a.participant.as_deref())
        .collect();
    if !labels.is_empty() {
        ui.label(RichText::new(format!("Labelled: {}", labels.join(", "))).small());
    }
    if !gathered.rejected.is_empty() {
        egui::Frame::new()
            .stroke(egui::Stroke::new(3.0, theme::colors(ui).error))
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.label(RichText::new("Set aside").family(theme::bold()));
                for rejection in &gathered.rejected {
                    ui.label(rejection.to_string());
                }
            });
    }

    ui.add_space(10.0);
    timer_ui(ui, view, actions);

    ui.add_space(10.0);
    a11y::heading(ui, 2, theme::subheading("Session record"));
    ui.label("Save a report (Markdown and a printable web page) and a CSV of the counts.");
    if ui.button("Save the session record").clicked() {
        actions.push(Action::Ask(Dialog::SessionRecordFolder));
    }
    if let Some(status) = &view.seminar.status {
        ui.label(RichText::new(status).color(theme::colors(ui).green));
    }
}

fn timer_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::heading(ui, 2, theme::subheading("Timer"));
    let now = view.now;
    match &view.seminar.timer {
        None => {
            ui.label(
                RichText::new("Optional. Only you see the controls; the room sees the time left.")
                    .color(theme::colors(ui).secondary_text),
            );
            ui.horizontal_wrapped(|ui| {
                for minutes in [5, 10, 15] {
                    if ui
                        .button(format!("Start a {minutes} minute timer"))
                        .clicked()
                    {
                        actions.push(Action::Seminar(SeminarAction::TimerStart { minutes, now }));
                    }
                }
            });
        }
        Some(timer) => {
            let left = if timer.remaining(now) <= 0.0 {
                "Time is up".to_owned()
            } else {
                format!("{} left", timer.display(now))
            };
            ui.label(RichText::new(left).size(28.0).family(theme::bold()));
            ui.horizontal_wrapped(|ui| {
                if timer.is_running() {
                    if ui.button("Pause the timer").clicked() {
                        actions.push(Action::Seminar(SeminarAction::TimerPause { now }));
                    }
                } else if ui.button("Resume the timer").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerResume { now }));
                }
                if ui.button("Add 5 minutes").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerExtend { minutes: 5 }));
                }
                if ui.button("Stop the timer").clicked() {
                    actions.push(Action::Seminar(SeminarAction::TimerStop));
                }
            });
            if timer.is_running() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
    }
}

/// The room view: what the projector shows, in large type.
pub fn room_view_ui(ui: &mut egui::Ui, view: &SeminarView<'_>, actions: &mut Vec<Action>) {
    a11y::region(ui, "Room view");
    let body = 32.0;
    let heading = 48.0;
    if let Some(timer) = &view.seminar.timer {
        let left = if timer.remaining(view.now) <= 0.0 {
            "Time is up".to_owned()
        } else {
            timer.display(view.now)
        };
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.label(
                RichText::new(left)
                    .size(body)
                    .family(theme::bold())
                    .color(theme::colors(ui).secondary_text),
            );
        });
    }
    egui::ScrollArea::vertical()
        .id_salt("room_view_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Lines a room can read from the back: no longer than about 80 characters.
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
                            answer.verdict,
                            revealed,
                            300.0,
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
                Stage::Debrief => agenda_ui(ui, view, true, actions),
            }
        });
}

/// Shows the room view in its own window (embedded in the main one where the platform or
/// a test cannot open a second window).
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
                room_view_ui(ui, view, actions);
                return;
            }
            egui::CentralPanel::default()
                .frame(egui::Frame::new().fill(Color32::WHITE).inner_margin(32.0))
                .show(ui, |ui| {
                    seminar_keys(ui, view, actions);
                    room_view_ui(ui, view, actions);
                });
            a11y::finish(ui.ctx());
            if ui.input(|i| i.viewport().close_requested()) {
                actions.push(Action::Seminar(SeminarAction::SetRoomView(false)));
            }
        },
    );
}

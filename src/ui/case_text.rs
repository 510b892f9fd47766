//! The case text: sections and numbered passages, with evidence highlighted.
//!
//! While marking, each passage is a toggle: click it, or Tab to it and press Enter or
//! Space, to cite it as evidence for the factor being marked. On the feedback screen the
//! passages show what you found, what you missed and what else you cited. Every highlight
//! carries a word as well as a colour.

use egui::{Color32, RichText, Sense};

use crate::domain::{Case, Passage, PassageId, Section, Source};

use super::a11y;
use super::lazy::Lazy;
use super::theme;

/// How a passage is highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// Plain.
    None,
    /// Cited as evidence for the factor being marked.
    Cited,
    /// Evidence the model cites and you found.
    Found,
    /// Evidence the model cites that you missed.
    Missed,
    /// You cited it; the model does not.
    Extra,
}

impl Highlight {
    fn fill(self, palette: &theme::Palette) -> Color32 {
        match self {
            Self::None => Color32::TRANSPARENT,
            Self::Cited => palette.cited_fill,
            Self::Found => palette.found_fill,
            Self::Missed => palette.missed_fill,
            Self::Extra => palette.extra_fill,
        }
    }

    /// The word shown beside a highlighted passage.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::Cited => Some("Your evidence"),
            Self::Found => Some("Found: the model cites this too"),
            Self::Missed => Some("Missed: the model cites this"),
            Self::Extra => Some("You cited this; the model does not"),
        }
    }
}

/// The accessible name of a passage toggle while marking.
pub fn passage_label(passage: &Passage) -> String {
    format!("Paragraph {}: {}", passage.number, passage.text)
}

/// Draws the case text. When `clickable`, returns the passage the user toggled.
///
/// Headings, passages and sources out of view are not laid out (see [`Lazy`]), so a frame
/// costs what is on screen, not the whole case.
pub fn case_text_ui(
    ui: &mut egui::Ui,
    case: &Case,
    highlight: &dyn Fn(&PassageId) -> Highlight,
    clickable: bool,
    scroll_to: Option<&PassageId>,
) -> Option<PassageId> {
    a11y::region(ui, "Case text");
    a11y::heading(ui, 1, RichText::new(&case.title).heading());
    ui.label(
        RichText::new(format!(
            "{} · {} minutes · {}",
            case.audience_label(),
            case.minutes,
            case.kind.label()
        ))
        .color(theme::colors(ui).secondary_text),
    );
    if let Some(note) = &case.composite_note {
        egui::Frame::new()
            .stroke(egui::Stroke::new(2.0, theme::colors(ui).blue))
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("Composite case").family(theme::bold()));
                ui.label(note);
            });
    }
    ui.label(RichText::new(&case.summary).italics());
    if clickable {
        ui.label(
            RichText::new("Click a paragraph, or Tab to it and press Enter, to use it as evidence for the factor you are marking.")
                .small()
                .color(theme::colors(ui).secondary_text),
        );
    }
    let mut lazy = Lazy::begin(ui, "case text", (case.id.as_str(), case.version));
    let row = ui.text_style_height(&egui::TextStyle::Body);
    // Passage text wraps beside the number column, inside the frame's margins.
    let text_width = (ui.available_width() - 46.0).max(100.0);
    // DejaVu Sans averages a little over half an em per character.
    let per_row = (text_width / (theme::BODY_SIZE * 0.55)).max(1.0);
    let mut reading_order = 0;
    // A screen reader's click on a passage standing in for one out of view counts too.
    let toggled = std::cell::RefCell::new(None);
    for (number, section) in case.sections.iter().enumerate() {
        ui.add_space(10.0);
        let id = ui.make_persistent_id(("case heading", number));
        lazy.block_or_stand_in(
            ui,
            ("heading", number),
            false,
            row * 1.5,
            |ui| section_heading_ui(ui, id, &section_title(section)),
            |ui, rect| {
                heading_node(
                    &ui.interact(rect, id, selectable()),
                    &section_title(section),
                );
            },
        );
        for passage in &section.passages {
            reading_order += 1;
            let highlight = highlight(&passage.id);
            let scroll = scroll_to == Some(&passage.id);
            let block = ("passage", reading_order, highlight.tag().is_some());
            let rows = (passage.text.len() as f32 / per_row).ceil();
            let tag_rows = if highlight.tag().is_some() { 1.0 } else { 0.0 };
            let guess = (rows + tag_rows) * row + 12.0;
            let toggle = |ui: &mut egui::Ui, rect| {
                if clickable && passage_toggle(ui, rect, passage, highlight) {
                    *toggled.borrow_mut() = Some(passage.id.clone());
                }
            };
            lazy.block_or_stand_in(
                ui,
                block,
                scroll,
                guess,
                |ui| {
                    let rect = passage_ui(ui, passage, highlight, clickable);
                    if scroll {
                        ui.scroll_to_rect(rect, Some(egui::Align::Center));
                    }
                    toggle(ui, rect);
                    rect
                },
                |ui, rect| {
                    if clickable {
                        toggle(ui, rect);
                    } else {
                        passage_text_node(
                            &ui.interact(rect, text_id(passage), selectable()),
                            passage,
                        );
                    }
                },
            );
        }
    }
    ui.add_space(12.0);
    a11y::heading(ui, 2, theme::subheading("Sources"));
    for (number, source) in case.sources.iter().enumerate() {
        let number = number + 1;
        let ids = (
            ui.make_persistent_id(("source", number)),
            ui.make_persistent_id(("source link", number)),
        );
        lazy.block_or_stand_in(
            ui,
            ("source", number),
            false,
            row * 2.0,
            |ui| source_ui(ui, ids, number, source),
            |ui, rect| {
                // The link is the last row.
                let link = source_link(source).map(|link| {
                    let row = ui.text_style_height(&egui::TextStyle::Small);
                    (
                        egui::Rect::from_min_max(
                            rect.left_bottom() - egui::vec2(0.0, row),
                            rect.max,
                        ),
                        link,
                    )
                });
                source_nodes(ui, ids, number, source, rect, link);
            },
        );
    }
    lazy.end(ui);
    toggled.into_inner()
}

/// A section's heading: its title, and its period if it has one.
fn section_title(section: &Section) -> String {
    match &section.period {
        Some(period) => format!("{} ({period})", section.heading),
        None => section.heading.clone(),
    }
}

/// A source's line: its number, title, publisher, date and reference.
fn source_line(number: usize, source: &Source) -> String {
    let mut line = format!(
        "{number}. {}. {}, {}",
        source.title, source.publisher, source.date
    );
    if let Some(reference) = &source.reference {
        line.push_str(&format!(" ({reference})"));
    }
    line.push('.');
    line
}

/// A source's link, if it has one. Only a web address is ever clickable; check refuses any
/// other link, and this holds even for a case that did not come through it.
fn source_link(source: &Source) -> Option<&str> {
    source
        .link
        .as_deref()
        .filter(|l| crate::io::case_file::is_web_address(l))
}

/// One source: its line, then its link on a line of its own. Drawn as a label and a
/// hyperlink are, but with ids of their own, so that its stand-in out of view has the same
/// nodes. Returns the space it took.
fn source_ui(
    ui: &mut egui::Ui,
    ids: (egui::Id, egui::Id),
    number: usize,
    source: &Source,
) -> egui::Rect {
    let width = ui.available_width();
    let small = |ui: &egui::Ui, text: RichText| {
        super::galley(ui, text.small(), Some(width), egui::TextStyle::Small)
    };
    let line = small(ui, RichText::new(source_line(number, source)));
    let link_colour = ui.visuals().hyperlink_color;
    let link = source_link(source).map(|link| {
        let text = RichText::new(link).color(link_colour);
        (small(ui, text), link)
    });
    let gap = ui.spacing().item_spacing.y;
    let height = line.size().y + link.as_ref().map_or(0.0, |(g, _)| gap + g.size().y);
    let (_, rect) = ui.allocate_space(egui::vec2(width, height));
    let line_rect = egui::Rect::from_min_size(rect.min, line.size());
    let link_rect = link.as_ref().map(|(galley, link)| {
        let at = line_rect.left_bottom() + egui::vec2(0.0, gap);
        (egui::Rect::from_min_size(at, galley.size()), *link)
    });
    let (line_response, link_response) =
        source_nodes(ui, ids, number, source, line_rect, link_rect);
    if ui.is_rect_visible(rect) {
        let colour = ui.visuals().text_color();
        egui::text_selection::LabelSelectionState::label_text_selection(
            ui,
            &line_response,
            line_rect.min,
            line,
            colour,
            egui::Stroke::NONE,
        );
        if let (Some((galley, _)), Some(response)) = (link, link_response) {
            // As egui's hyperlink: underlined while hovered or focused.
            let underline = if response.hovered() || response.has_focus() {
                egui::Stroke::new(ui.style().interact(&response).fg_stroke.width, link_colour)
            } else {
                egui::Stroke::NONE
            };
            egui::text_selection::LabelSelectionState::label_text_selection(
                ui,
                &response,
                response.rect.min,
                galley,
                link_colour,
                underline,
            );
            if response.hovered() {
                ui.set_cursor_icon(egui::CursorIcon::PointingHand);
            }
        }
    }
    rect
}

/// A source's accessible nodes, the line over `line_rect` and the link over its rectangle,
/// and what a click on the link does (opens it, in a new tab in a browser, so the case
/// stays open). Returns their responses.
fn source_nodes(
    ui: &egui::Ui,
    (line_id, link_id): (egui::Id, egui::Id),
    number: usize,
    source: &Source,
    line_rect: egui::Rect,
    link: Option<(egui::Rect, &str)>,
) -> (egui::Response, Option<egui::Response>) {
    let line = ui.interact(line_rect, line_id, selectable());
    line.widget_info(|| label_info(source_line(number, source)));
    let link = link.map(|(rect, link)| {
        let response = ui.interact(rect, link_id, Sense::click() | selectable());
        // Two sources can share a link, so the accessible name says which source.
        let name = format!("Source {number}: {link}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
        if response.clicked() || response.middle_clicked() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(link));
        }
        if response.gained_focus() {
            response.scroll_to_me(None);
        }
        response
    });
    (line, link)
}

/// The id of a passage's toggle.
fn toggle_id(passage: &Passage) -> egui::Id {
    egui::Id::unique(("passage", passage.id.as_str()))
}

/// Draws one passage; returns the space it took. The number, text and tag are laid out
/// and painted directly rather than as nested widgets: a case screen shows a dozen
/// passages, and this is most of its cost (see docs/performance.md).
fn passage_ui(
    ui: &mut egui::Ui,
    passage: &Passage,
    highlight: Highlight,
    clickable: bool,
) -> egui::Rect {
    const MARGIN: egui::Vec2 = egui::vec2(8.0, 6.0);
    const NUMBER_COLUMN: f32 = 30.0;
    let gap = ui.spacing().item_spacing;
    let width = ui.available_width();
    let wrap = (width - 2.0 * MARGIN.x - NUMBER_COLUMN - gap.x).max(40.0);
    let text_color = ui.visuals().text_color();
    let text = super::galley(ui, passage.text.as_str(), Some(wrap), egui::TextStyle::Body);
    let number = super::galley(
        ui,
        RichText::new(passage.number.to_string()).color(theme::colors(ui).secondary_text),
        None,
        egui::TextStyle::Body,
    );
    let tag = highlight.tag().map(|tag| {
        super::galley(
            ui,
            RichText::new(tag).small().family(theme::bold()),
            Some(wrap),
            egui::TextStyle::Small,
        )
    });
    let tag_height = tag.as_ref().map_or(0.0, |tag| gap.y + tag.size().y);
    let height = 2.0 * MARGIN.y + text.size().y + tag_height;
    // Read-only text can be selected and copied, as in a label; Tab skips it.
    let sense = if clickable {
        Sense::hover()
    } else {
        selectable()
    };
    let (_, rect) = ui.allocate_space(egui::vec2(width, height));
    let response = ui.interact(rect, text_id(passage), sense);
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, highlight.fill(&theme::colors(ui)));
        let inner = rect.min + MARGIN;
        let centred = (NUMBER_COLUMN - number.size().x).max(0.0) / 2.0;
        painter.galley(inner + egui::vec2(centred, 0.0), number, text_color);
        let text_at = inner + egui::vec2(NUMBER_COLUMN + gap.x, 0.0);
        let text_height = text.size().y;
        if clickable {
            painter.galley(text_at, text, text_color);
        } else {
            egui::text_selection::LabelSelectionState::label_text_selection(
                ui,
                &response,
                text_at,
                text,
                text_color,
                egui::Stroke::NONE,
            );
        }
        if let (Some(galley), Some(word)) = (tag, highlight.tag()) {
            let tag_at = text_at + egui::vec2(0.0, text_height + gap.y);
            let tag_rect = egui::Rect::from_min_size(tag_at, galley.size());
            ui.painter().galley(tag_at, galley, text_color);
            // The tag is read out on its own, as the colour cannot be.
            let id = egui::Id::unique(("passage tag", passage.id.as_str()));
            ui.interact(tag_rect, id, Sense::hover())
                .widget_info(|| label_info(word.to_owned()));
        }
    }
    if !clickable {
        passage_text_node(&response, passage);
    }
    rect
}

/// The id of a passage's text (which is its accessible node when it is not a toggle), so
/// its stand-in out of view is the same node.
fn text_id(passage: &Passage) -> egui::Id {
    egui::Id::unique(("passage text", passage.id.as_str()))
}

/// How text that can be selected and copied, as in a label, senses the pointer; Tab skips
/// it.
fn selectable() -> Sense {
    Sense::click_and_drag() - Sense::FOCUSABLE
}

/// The accessible node of a passage's text when it is not a toggle (on the feedback
/// screen, say): the toggle names the passage while marking; here the text says it.
fn passage_text_node(response: &egui::Response, passage: &Passage) {
    response.widget_info(|| label_info(passage_label(passage)));
}

/// A section heading, drawn as a label is but with an id of its own, so its stand-in out
/// of view is the same node. Returns the space it took.
fn section_heading_ui(ui: &mut egui::Ui, id: egui::Id, heading: &str) -> egui::Rect {
    let galley = super::galley(
        ui,
        theme::subheading(heading),
        Some(ui.available_width()),
        egui::TextStyle::Body,
    );
    let (_, rect) = ui.allocate_space(galley.size());
    let response = ui.interact(rect, id, selectable());
    if ui.is_rect_visible(rect) {
        egui::text_selection::LabelSelectionState::label_text_selection(
            ui,
            &response,
            rect.min,
            galley,
            ui.visuals().text_color(),
            egui::Stroke::NONE,
        );
    }
    heading_node(&response, heading);
    rect
}

/// A section heading's accessible node: a heading at level 2, named by its text.
fn heading_node(response: &egui::Response, heading: &str) {
    response.widget_info(|| label_info(heading.to_owned()));
    a11y::mark_heading(response, 2);
}

fn label_info(text: String) -> egui::WidgetInfo {
    egui::WidgetInfo::labeled(egui::Role::Label, true, text)
}

/// A passage as a toggle for evidence over `rect`; returns true when it was toggled.
fn passage_toggle(
    ui: &egui::Ui,
    rect: egui::Rect,
    passage: &Passage,
    highlight: Highlight,
) -> bool {
    let response = ui
        .interact(rect, toggle_id(passage), Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    let selected = highlight == Highlight::Cited;
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, true, selected, passage_label(passage))
    });
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
    if response.hovered() {
        ui.painter().rect_stroke(
            response.rect,
            3.0,
            egui::Stroke::new(1.0, theme::colors(ui).blue),
            egui::StrokeKind::Inside,
        );
    }
    response.clicked()
}

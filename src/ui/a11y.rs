//! What a screen reader finds besides the controls: headings with levels, and the panes
//! as named regions in the order they sit on screen.
//!
//! egui gives every label the role of plain text and every panel an unnamed pane, and it
//! lists panels in the order they were drawn (a right-hand panel before the central one).
//! These helpers write the AccessKit nodes directly, so Orca, NVDA, Narrator and VoiceOver
//! can move by heading and by region. They cost nothing when no screen reader is on:
//! egui builds no accessibility tree then.

use egui::accesskit::Role;

/// Draws `text` as a label (styled as given, so the look does not change) and exposes it
/// as a heading of `level`: 1 for a screen's title, 2 for its sections, 3 below those.
pub fn heading(
    ui: &mut egui::Ui,
    level: usize,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    let response = ui.label(text);
    mark_heading(&response, level);
    response
}

/// Exposes a label already drawn as a heading of `level`, counted from 1. Its text
/// becomes the heading's name.
pub fn mark_heading(response: &egui::Response, level: usize) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        // A label carries its text as its value; a heading is named by it.
        if node.role() == Role::Label
            && let Some(text) = node.value().map(str::to_owned)
        {
            node.clear_value();
            node.set_label(text);
        }
        node.set_role(Role::Heading);
        // AccessKit counts levels from 0 (ARIA's aria-level 1 is AccessKit's 0).
        node.set_level(level.saturating_sub(1));
    });
}

/// Exposes a chart (a picture drawn by `egui_plot`) as an image called `label`, rather than
/// a nameless node a screen reader can land on. Write the figures out beside it as well.
pub fn image(response: &egui::Response, label: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Image);
        node.set_label(label);
    });
}

/// The main window's title, as [`super::native_options`] sets it.
const MAIN_WINDOW: &str = "Collaborative Working Casebook";

/// One named region drawn this pass, kept until [`finish`] puts the regions in order.
#[derive(Clone, Copy)]
struct Region {
    pass: u64,
    parent: egui::Id,
    id: egui::Id,
    rect: egui::Rect,
}

fn regions_id(ctx: &egui::Context) -> egui::Id {
    egui::Id::unique(("a11y regions", ctx.viewport_id()))
}

/// Names the panel that `ui` is drawn in as a region called `label` (a landmark a screen
/// reader can jump to), so a listener knows which pane is which. Call it from inside the
/// panel; [`finish`] then orders the regions as they sit on screen.
pub fn region(ui: &egui::Ui, label: &str) {
    landmark(ui, Role::Region, label);
}

/// Makes the panel that `ui` is drawn in a region named by its heading `title`, for a
/// screen that is one pane: the region is called what the screen is called, without a
/// second copy of the words.
pub fn titled_region(ui: &egui::Ui, title: &egui::Response) {
    let title = title.id.accesskit_id();
    mark_panel(ui, |node| {
        node.set_role(Role::Region);
        node.push_labelled_by(title);
    });
}

/// Like [`region`], with a landmark role of its own: [`Role::Navigation`] for the bar of
/// screens, say.
pub fn landmark(ui: &egui::Ui, role: Role, label: &str) {
    mark_panel(ui, |node| {
        node.set_role(role);
        node.set_label(label);
    });
}

fn mark_panel(ui: &egui::Ui, write: impl FnOnce(&mut egui::accesskit::Node)) {
    // A window stands in for a panel where a second viewport is shown inside the first.
    let Some(panel) = ui
        .stack()
        .iter()
        .find(|s| s.is_panel_ui() || s.kind() == Some(egui::UiKind::Window))
    else {
        return;
    };
    let named = ui.ctx().accesskit_node_builder(panel.unique_id, write);
    if named.is_none() {
        return;
    }
    let Some(parent) = panel.parent.as_ref().map(|p| p.unique_id) else {
        return;
    };
    let region = Region {
        pass: ui.ctx().cumulative_pass_nr(),
        parent,
        id: panel.unique_id,
        rect: panel.max_rect,
    };
    let id = regions_id(ui.ctx());
    ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Region>>(id).push(region);
    });
}

/// Puts the named regions of this viewport in reading order: top to bottom, then left to
/// right, as they sit on screen, rather than the order egui drew them in, and names the
/// window by its title. Call once per viewport, after every panel is drawn.
pub fn finish(ctx: &egui::Context) {
    // The window itself is named by its title, so switching to it says which window it is.
    // winit cannot read a title back on X11, so the main window's is known here too.
    let title = ctx
        .input(|i| i.viewport().title.clone())
        .filter(|t| !t.is_empty());
    let main = ctx.viewport_id() == egui::ViewportId::ROOT;
    let title = title.or_else(|| main.then(|| MAIN_WINDOW.to_owned()));
    if let Some(title) = title {
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            if node.label().is_none_or(str::is_empty) {
                node.set_label(title);
            }
        });
    }
    let id = regions_id(ctx);
    let pass = ctx.cumulative_pass_nr();
    let regions: Vec<Region> = ctx
        .data_mut(|d| d.remove_temp::<Vec<Region>>(id))
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.pass == pass)
        .collect();
    let mut parents: Vec<egui::Id> = Vec::new();
    for region in &regions {
        if !parents.contains(&region.parent) {
            parents.push(region.parent);
        }
    }
    for parent in parents {
        if !ctx.has_accesskit_node(parent) {
            continue;
        }
        let mut ordered: Vec<&Region> = regions.iter().filter(|r| r.parent == parent).collect();
        ordered.sort_by(|a, b| {
            (a.rect.top().round(), a.rect.left().round())
                .partial_cmp(&(b.rect.top().round(), b.rect.left().round()))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let wanted: Vec<_> = ordered.iter().map(|r| r.id.accesskit_id()).collect();
        ctx.accesskit_node_builder(parent, |node| {
            let mut children = node.children().to_vec();
            let slots: Vec<usize> = children
                .iter()
                .enumerate()
                .filter(|(_, child)| wanted.contains(child))
                .map(|(slot, _)| slot)
                .collect();
            let present: Vec<_> = wanted.iter().filter(|id| children.contains(id)).collect();
            for (slot, child) in slots.into_iter().zip(present) {
                if let Some(place) = children.get_mut(slot) {
                    *place = *child;
                }
            }
            node.set_children(children);
        });
    }
}

fn focus_shown_id() -> egui::Id {
    egui::Id::unique("casebook_focus_shown")
}

/// Scrolls the widget with keyboard focus into view when it has just gained focus and is
/// in this scroll area but out of sight (egui does not, so Tab could walk below the fold).
/// Call at the end of a scroll area's contents: the scroll goes to that area alone. Once
/// the widget has been shown, the user may scroll away from it freely.
pub fn keep_focus_in_view(ui: &egui::Ui) {
    keep_focus_clear_of(ui, egui::Vec2::ZERO);
}

/// [`keep_focus_in_view`] for a scroll area whose top `covered.y` and left `covered.x` are
/// held by headings that stay in place (as in Cases by factor): the focused widget is
/// scrolled clear of them, not under them. Call it in a `Ui` clipped to the uncovered part.
pub fn keep_focus_clear_of(ui: &egui::Ui, covered: egui::Vec2) {
    let ctx = ui.ctx();
    let Some(focused) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    if ctx.data(|d| d.get_temp::<egui::Id>(focus_shown_id())) == Some(focused) {
        return;
    }
    let Some(response) = ctx.read_response(focused) else {
        return;
    };
    let rect = response.rect;
    if response.layer_id != ui.layer_id() || !ui.min_rect().contains(rect.center()) {
        return;
    }
    let clip = ui.clip_rect();
    let seen = clip.contains_rect(rect)
        || (rect.height() > clip.height() && clip.intersects(rect) && rect.top() <= clip.top());
    if !seen {
        let target = egui::Rect::from_min_max(rect.min - covered, rect.max).expand(8.0);
        ui.scroll_to_rect(target, None);
    }
    ctx.data_mut(|d| d.insert_temp(focus_shown_id(), focused));
}

/// Draws a scroll area's contents with `add`, then [`keep_focus_in_view`].
pub fn with_focus_in_view<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let inner = add(ui);
    keep_focus_in_view(ui);
    inner
}

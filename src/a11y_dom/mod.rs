//! egui's accessibility tree, mirrored into a web page as DOM elements, so screen readers
//! and browser tools find the app's controls rather than one canvas.
//!
//! eframe's web runner draws everything into a `<canvas>` and drops the AccessKit tree
//! egui builds each frame. This module picks the tree up with an egui [`Plugin`]
//! (its output hook sees every frame's `accesskit_update` before eframe throws it away),
//! keeps a [`mirror::Mirror`] of it, and applies the mirror's operations to a transparent
//! container laid over the canvas: one element per node, with its role, name, states and
//! value, positioned over the node's bounds. Requests from the page (a click, Enter or
//! Space on a mirrored button, focus moving to an element, typing into a mirrored text box)
//! come back to egui as [`egui::Event::AccessKitActionRequest`]s through the plugin's
//! input hook, the same way the desktop adapters deliver them.
//!
//! It depends on egui only, not on any of the app's screens, so it can serve any egui web
//! app: call `install` (built for `wasm32` only) on the context and the canvas when the app
//! is created.
//!
//! The rules from tree to DOM are pure ([`mirror`], and [`settle`] for when positions are
//! written) and tested natively; the DOM side (`dom.rs`) exists only on `wasm32`.

pub mod mirror;
pub mod settle;

#[cfg(target_arch = "wasm32")]
mod dom;

use std::sync::{Arc, Mutex};

use egui::accesskit::{Action, ActionData, ActionRequest, NodeId, TreeId};
use egui::{Context, FullOutput, Plugin, RawInput};

use mirror::{Mirror, Op};
use settle::Settle;

/// Requests from the page waiting for the next frame, shared between the page's event
/// handlers and the plugin.
#[derive(Clone, Debug, Default)]
pub struct Inbox(Arc<Mutex<Vec<ActionRequest>>>);

impl Inbox {
    /// Queues `action` on node `id`, with its data (the new text for `SetValue`).
    pub fn push(&self, id: u64, action: Action, data: Option<ActionData>) {
        if let Ok(mut queue) = self.0.lock() {
            queue.push(ActionRequest {
                action,
                target_tree: TreeId::ROOT,
                target_node: NodeId(id),
                data,
            });
        }
    }

    /// Everything queued, oldest first.
    pub fn take(&self) -> Vec<ActionRequest> {
        self.0
            .lock()
            .map(|mut queue| std::mem::take(&mut *queue))
            .unwrap_or_default()
    }
}

/// Where the operations go: the page on `wasm32`, anything else in tests.
pub trait Sink: Send + Sync + 'static {
    /// Applies one frame's operations.
    fn apply(&mut self, ops: &[Op]);
    /// Whether the page's keyboard focus is on one of the mirror's elements (then the
    /// app is told it has the focus, so it draws its focus ring).
    fn has_focus(&self) -> bool {
        false
    }
}

/// The egui plugin: takes each frame's tree update, hands the operations to its [`Sink`],
/// and feeds the page's requests back into egui's input.
pub struct A11yDom<S: Sink> {
    mirror: Mirror,
    settle: Settle,
    inbox: Inbox,
    sink: S,
}

impl<S: Sink> A11yDom<S> {
    /// A plugin sending operations to `sink` and reading requests from `inbox`.
    pub fn new(sink: S, inbox: Inbox) -> Self {
        Self {
            mirror: Mirror::new(),
            settle: Settle::new(),
            inbox,
            sink,
        }
    }
}

impl<S: Sink> Plugin for A11yDom<S> {
    fn debug_name(&self) -> &'static str {
        "a11y_dom"
    }

    fn setup(&mut self, ctx: &Context) {
        ctx.enable_accesskit();
    }

    fn input_hook(&mut self, _ctx: &Context, input: &mut RawInput) {
        input.events.extend(
            self.inbox
                .take()
                .into_iter()
                .map(egui::Event::AccessKitActionRequest),
        );
        if self.sink.has_focus() {
            input.focused = true;
        }
    }

    fn output_hook(&mut self, ctx: &Context, output: &mut FullOutput) {
        if let Some(update) = &output.platform_output.accesskit_update {
            let ops = self.mirror.update(update);
            let ops = self.settle.pass(ops, self.mirror.focus());
            if !ops.is_empty() {
                self.sink.apply(&ops);
            }
            if self.settle.holding() {
                ctx.request_repaint();
            }
        }
    }
}

/// Mirrors `ctx`'s accessibility tree into the page over `canvas`, from the next frame
/// on. Call it once, when the app is created (eframe's `CreationContext::egui_ctx`).
///
/// # Errors
/// When the page has no document or the canvas is not in it.
#[cfg(target_arch = "wasm32")]
pub fn install(ctx: &Context, canvas: &web_sys::HtmlCanvasElement) -> Result<(), String> {
    let inbox = Inbox::default();
    let sink = dom::PageSink::new(ctx, canvas, &inbox)?;
    ctx.add_plugin(A11yDom::new(sink, inbox));
    Ok(())
}

#[cfg(test)]
mod tests;

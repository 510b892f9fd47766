//! The seminar's room view in a second browser window, for the projector.
//!
//! The console opens the same page with `?room=ID` in a new window ([`RoomLink::open`]).
//! That page runs [`RoomApp`], which draws only the room view. The two talk over a
//! `BroadcastChannel` named for the console (`collab-casebook-room-ID`, so two consoles in
//! one browser never mix), in the messages of [`RoomMessage`]: the console sends what the
//! room sees whenever it changes, and the room window sends back the seminar's keys pressed
//! there (next, previous, reveal), that it is ready, and that it is closing. What is drawn,
//! and from what, is shared with the desktop (`ui::seminar::room_link`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

use crate::domain::Model;
use crate::ui::Action;
use crate::ui::seminar::room_link::{RoomMessage, RoomSnapshot};
use crate::ui::seminar::{Seminar, room_position, room_window_ui};
use crate::ui::state::State;
use crate::ui::theme;

/// The page parameter that makes a page the room view.
pub const ROOM_PARAM: &str = "room";

/// What the facilitator is told when the browser will not open the room window.
pub const BLOCKED: &str = "Your browser stopped the room view opening in a new window. To allow it, select the blocked pop-up sign in the address bar and choose to always allow pop-ups from this site. Then select Open the room view again.";

/// Messages that arrived on a channel, waiting for the next frame.
type Inbox = Rc<RefCell<Vec<RoomMessage>>>;

/// A channel to the other window, whose messages go into `inbox` and wake `ctx`.
fn channel(
    id: &str,
    inbox: &Inbox,
    ctx: Option<egui::Context>,
) -> Option<web_sys::BroadcastChannel> {
    let channel = web_sys::BroadcastChannel::new(&format!("collab-casebook-room-{id}")).ok()?;
    let inbox = Rc::clone(inbox);
    let received =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Anything not a message of ours is ignored.
            if let Some(message) = event
                .data()
                .as_string()
                .as_deref()
                .and_then(RoomMessage::from_text)
            {
                inbox.borrow_mut().push(message);
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            }
        });
    channel.set_onmessage(Some(received.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    received.forget();
    Some(channel)
}

/// Sends a message; a channel that cannot send has nobody to hear it.
fn post(channel: &web_sys::BroadcastChannel, message: &RoomMessage) {
    if let Some(text) = message.to_text() {
        channel.post_message(&JsValue::from_str(&text)).ok();
    }
}

/// Calls `send` when the page is closed or reloaded.
fn on_leaving(send: impl FnMut() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let leaving = Closure::<dyn FnMut()>::new(send);
    window
        .add_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref())
        .ok();
    leaving.forget();
}

/// The console's end: the room window, and the channel to it.
pub struct RoomLink {
    id: String,
    channel: Rc<web_sys::BroadcastChannel>,
    inbox: Inbox,
    /// The room window, once opened.
    window: Option<web_sys::Window>,
    /// What the room window was last sent, to the second (see
    /// [`RoomSnapshot::to_the_second`]); `None` sends it again.
    sent: Option<RoomSnapshot>,
}

impl RoomLink {
    /// A channel for this console's room window; the room window is told when the console
    /// is closed or reloaded.
    pub fn new(ctx: Option<egui::Context>) -> Option<Self> {
        let id = format!(
            "{:x}",
            (js_sys::Math::random() * f64::from(u32::MAX)) as u64
        );
        let inbox = Inbox::default();
        let channel = Rc::new(channel(&id, &inbox, ctx)?);
        let leaving = Rc::clone(&channel);
        on_leaving(move || post(&leaving, &RoomMessage::Closed));
        Some(Self {
            id,
            channel,
            inbox,
            window: None,
            sent: None,
        })
    }

    /// Opens the room window (or brings it forward); says why not if the browser would not.
    pub fn open(&mut self) -> Result<(), String> {
        let window = web_sys::window().ok_or(BLOCKED)?;
        let path = window.location().pathname().unwrap_or_default();
        let address = format!("{path}?{ROOM_PARAM}={}", self.id);
        match window.open_with_url_and_target_and_features(
            &address,
            &format!("collab-casebook-room-{}", self.id),
            "popup,width=1280,height=720",
        ) {
            Ok(Some(room)) => {
                room.focus().ok();
                self.window = Some(room);
                // Sent again once it says it is ready.
                self.sent = None;
                Ok(())
            }
            Ok(None) | Err(_) => Err(BLOCKED.to_owned()),
        }
    }

    /// Tells the room window the room view has closed, and closes it.
    pub fn close(&mut self) {
        post(&self.channel, &RoomMessage::Closed);
        if let Some(window) = self.window.take() {
            window.close().ok();
        }
        self.sent = None;
    }

    /// Sends the room window what the room sees now, if it changed (to the second).
    pub fn send(&mut self, state: &State, now: f64) {
        let Some(snapshot) = RoomSnapshot::of(state, now) else {
            return;
        };
        let rounded = snapshot.to_the_second();
        if self.sent.as_ref() == Some(&rounded) {
            return;
        }
        post(&self.channel, &RoomMessage::Show(Box::new(snapshot)));
        self.sent = Some(rounded);
    }

    /// What the room window asked since the last frame, as the console's actions.
    pub fn take(&mut self) -> Vec<Action> {
        let messages = std::mem::take(&mut *self.inbox.borrow_mut());
        let mut actions = Vec::new();
        for message in messages {
            match message {
                // A room window that opens (or is reloaded) is sent what to show.
                RoomMessage::Ready => self.sent = None,
                RoomMessage::Gone => {
                    self.window = None;
                    actions.extend(RoomMessage::Gone.console_action());
                }
                other => actions.extend(other.console_action()),
            }
        }
        actions
    }
}

/// The id of the console whose room view this page is: the page's `room` parameter.
pub fn room_id() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let id = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(ROOM_PARAM)?;
    // The console's ids are hexadecimal.
    (!id.is_empty() && id.len() <= 16 && id.chars().all(|c| c.is_ascii_hexdigit())).then_some(id)
}

/// What the room window shows.
enum Showing {
    /// Nothing yet: the console has not answered.
    Waiting,
    /// The room view, received at the time given, on this window's clock.
    Room(Box<RoomSnapshot>, Seminar),
    /// The console closed the room view.
    Closed,
}

/// The room window's app: draws the room view the console sends, and sends back the keys.
pub struct RoomApp {
    model: Model,
    channel: Rc<web_sys::BroadcastChannel>,
    inbox: Inbox,
    showing: Showing,
    /// The page's title: where the seminar is, for the browser's tab and window list.
    title: String,
}

impl RoomApp {
    /// The room window for the console `id`: tells the console it is ready, and that it
    /// has gone when the window is closed.
    pub fn new(cc: &eframe::CreationContext<'_>, model: Model, id: &str) -> Result<Self, String> {
        theme::apply(&cc.egui_ctx, theme::ThemeChoice::default());
        let inbox = Inbox::default();
        let channel = Rc::new(
            channel(id, &inbox, Some(cc.egui_ctx.clone()))
                .ok_or("this browser cannot pass messages between its windows")?,
        );
        post(&channel, &RoomMessage::Ready);
        let leaving = Rc::clone(&channel);
        on_leaving(move || post(&leaving, &RoomMessage::Gone));
        Ok(Self {
            model,
            channel,
            inbox,
            showing: Showing::Waiting,
            title: String::new(),
        })
    }
}

impl eframe::App for RoomApp {
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        let choice = match &self.showing {
            Showing::Room(snapshot, _) => snapshot.room_theme,
            Showing::Waiting | Showing::Closed => theme::ThemeChoice::default(),
        };
        choice.room_palette().background.to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let now = ui.input(|i| i.time);
        for message in std::mem::take(&mut *self.inbox.borrow_mut()) {
            match message {
                RoomMessage::Show(snapshot) => {
                    let seminar = snapshot.seminar(now);
                    self.showing = Showing::Room(snapshot, seminar);
                }
                RoomMessage::Closed => {
                    self.showing = Showing::Closed;
                    // A window the console opened can close itself; if the browser says no,
                    // the page says what happened.
                    if let Some(window) = web_sys::window() {
                        window.close().ok();
                    }
                }
                // The console's messages only.
                RoomMessage::Ready
                | RoomMessage::Step(_)
                | RoomMessage::Reveal(_)
                | RoomMessage::Gone => {}
            }
        }
        let mut actions = Vec::new();
        match &self.showing {
            Showing::Room(snapshot, seminar) => {
                let view = snapshot.view(&self.model, seminar, now);
                room_window_ui(ui, &view, &mut actions);
                let title = format!("Room view: {}", room_position(&view));
                if title != self.title {
                    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                        document.set_title(&title);
                    }
                    self.title = title;
                }
                if seminar.timer.is_some_and(|t| t.is_running()) {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
            }
            Showing::Waiting => note(
                ui,
                "Waiting for the seminar's console. If nothing appears, close this window and select Open the room view on the console again.",
            ),
            Showing::Closed => note(
                ui,
                "The room view was closed from the console. You can close this window.",
            ),
        }
        for action in &actions {
            if let Some(message) = RoomMessage::for_console(action) {
                post(&self.channel, &message);
            }
        }
    }
}

/// A line of text in the middle of the room window.
fn note(ui: &mut egui::Ui, text: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.centered_and_justified(|ui| {
            ui.label(egui::RichText::new(text).size(28.0));
        });
    });
}

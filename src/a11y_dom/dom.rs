//! The page side: the mirror's operations applied to real elements, and the page's events
//! turned into requests for egui.
//!
//! The elements live in a container placed exactly over the canvas. It is transparent
//! (`opacity: 0`) and lets the pointer through (`pointer-events: none`), so sighted users
//! see and click the canvas as before, while the accessibility tree, Tab and a screen
//! reader's commands reach the elements. The browser's objects cannot cross threads, so
//! they are kept in a thread-local: a browser page runs the app on one thread.

use std::cell::RefCell;

use egui::accesskit::{Action, ActionData};
use nohash_hasher::IntMap;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::mirror::Op;
use super::{Inbox, Sink};

/// The attribute that holds an element's AccessKit node id.
const ID_ATTR: &str = "data-ak";
/// The container's class, which the injected style sheet uses.
const CLASS: &str = "a11y-dom";
/// How the container and its elements look: not at all. Every element sits at its
/// parent's top left and is moved from there by a transform, so the rectangles the mirror
/// gives are relative. Only the container clips: many of egui's containers have no bounds
/// (an element of no size), and one that clipped would hide everything inside it from a
/// screen reader's highlight, a magnifier and touch exploration.
const STYLE: &str = "\
.a11y-dom { position: absolute; opacity: 0; pointer-events: none; overflow: hidden; z-index: 1; }
.a11y-dom * { position: absolute; left: 0; top: 0; margin: 0; padding: 0; border: 0; outline: 0; \
box-sizing: border-box; background: transparent; color: transparent; overflow: visible; \
white-space: pre; font: 12px/1 sans-serif; pointer-events: none; resize: none; }
.a11y-dom input, .a11y-dom textarea { overflow: hidden; }";

/// One mirrored element: the element, and the text node that carries its own text.
struct Element {
    element: web_sys::HtmlElement,
    text: Option<web_sys::Text>,
    /// The `transform` (where), `width` and `height` last written, so that an element that only
    /// moved (as everything does when a case scrolls) has only its position written.
    placed: [String; 3],
}

/// Everything the page side keeps.
struct Page {
    document: web_sys::Document,
    canvas: web_sys::HtmlCanvasElement,
    container: web_sys::HtmlElement,
    elements: IntMap<u64, Element>,
    /// The app's focus, as last told.
    focus: Option<u64>,
    /// Tab was pressed outside the mirror (on the canvas) since the last update: the
    /// focus egui moves in answer is a keyboard user's, and the page's follows it.
    tabbed: bool,
    /// eframe's own hidden text box (its "text agent"), which takes the typing while the
    /// canvas has the focus: unnamed, it would be an unlabelled form field.
    agent: Option<web_sys::Element>,
    /// Where the container was last put: left, top, width, height in CSS pixels.
    placed: (i32, i32, i32, i32),
    /// The event handlers, kept alive as long as the page.
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

/// The [`Sink`] that writes into the page (its state is in the thread-local).
pub struct PageSink;

impl PageSink {
    /// Adds the container after `canvas` and listens to it; requests go to `inbox`, and
    /// each one asks `ctx` for a new frame.
    pub fn new(
        ctx: &egui::Context,
        canvas: &web_sys::HtmlCanvasElement,
        inbox: &Inbox,
    ) -> Result<Self, String> {
        let document = canvas
            .owner_document()
            .ok_or("the canvas is not in a document")?;
        let words = |e: wasm_bindgen::JsValue| format!("{e:?}");
        let style = document.create_element("style").map_err(words)?;
        style.set_text_content(Some(STYLE));
        if let Some(head) = document.head() {
            head.append_child(&style).map_err(words)?;
        }
        let container: web_sys::HtmlElement = document
            .create_element("div")
            .map_err(words)?
            .dyn_into()
            .map_err(|_| "a div is not an HTML element")?;
        container.set_class_name(CLASS);
        container.set_tab_index(-1);
        container.set_attribute(ID_ATTR, "root").map_err(words)?;
        canvas.after_with_node_1(&container).map_err(words)?;
        // Tab from the page's start goes to the elements, where a keyboard or screen
        // reader user finds named controls, rather than to the canvas, where Tab moves
        // only egui's own focus and the page hears nothing. A click still focuses the
        // canvas, so pointer users and the app's shortcuts work as before.
        canvas.set_tab_index(-1);

        let mut handlers = Vec::new();
        for (kind, what) in [
            ("click", Action::Click),
            ("focusin", Action::Focus),
            ("input", Action::SetValue),
        ] {
            let inbox = inbox.clone();
            let ctx = ctx.clone();
            let handler =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let Some(target) = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    else {
                        return;
                    };
                    let Some(id) = target
                        .get_attribute(ID_ATTR)
                        .and_then(|id| id.parse::<u64>().ok())
                    else {
                        return;
                    };
                    let data = match what {
                        Action::SetValue => {
                            let value = if let Some(input) =
                                target.dyn_ref::<web_sys::HtmlInputElement>()
                            {
                                input.value()
                            } else if let Some(area) =
                                target.dyn_ref::<web_sys::HtmlTextAreaElement>()
                            {
                                area.value()
                            } else {
                                return;
                            };
                            Some(ActionData::Value(value.into()))
                        }
                        Action::Focus => {
                            // Focus the page moved itself to the app's focus needs no
                            // request (the page is borrowed while it moves it: this runs
                            // inside that).
                            let told = PAGE.with(|page| {
                                page.try_borrow().map_or(true, |p| {
                                    p.as_ref().is_some_and(|p| p.focus == Some(id))
                                })
                            });
                            if told {
                                return;
                            }
                            None
                        }
                        _ => None,
                    };
                    inbox.push(id, what, data);
                    ctx.request_repaint();
                });
            container
                .add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref())
                .map_err(words)?;
            handlers.push(handler);
        }

        // Focusing an element can scroll the container (the browser brings it into view);
        // the canvas does not scroll, so neither may the copy laid over it. Put right
        // when it happens, rather than every frame: writing the scroll position makes the
        // browser lay the page out there and then.
        let scrolled = container.clone();
        let on_scroll = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            if scrolled.scroll_top() != 0 || scrolled.scroll_left() != 0 {
                scrolled.set_scroll_top(0);
                scrolled.set_scroll_left(0);
            }
        });
        container
            .add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref())
            .map_err(words)?;
        handlers.push(on_scroll);

        // Tab on the canvas moves egui's focus; the next update moves the page's with it
        // (see `tabbed`). Listened for while the event goes down to the canvas, before
        // eframe's own handler can stop it.
        let on_tab = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let tab = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|key| key.key() == "Tab");
            if tab {
                PAGE.with(|page| {
                    if let Ok(mut page) = page.try_borrow_mut()
                        && let Some(page) = page.as_mut()
                    {
                        page.tabbed = !page.focus_inside();
                    }
                });
            }
        });
        document
            .add_event_listener_with_callback_and_bool(
                "keydown",
                on_tab.as_ref().unchecked_ref(),
                true,
            )
            .map_err(words)?;
        handlers.push(on_tab);

        let page = Page {
            document,
            canvas: canvas.clone(),
            container,
            elements: IntMap::default(),
            focus: None,
            tabbed: false,
            agent: None,
            placed: (0, 0, 0, 0),
            _handlers: handlers,
        };
        PAGE.with(|cell| *cell.borrow_mut() = Some(page));
        Ok(Self)
    }
}

impl Sink for PageSink {
    fn apply(&mut self, ops: &[Op]) {
        PAGE.with(|cell| {
            if let Some(page) = cell.borrow_mut().as_mut()
                && let Err(problem) = page.apply(ops)
            {
                log::warn!("The accessibility mirror could not update the page: {problem:?}");
            }
        });
    }

    fn has_focus(&self) -> bool {
        PAGE.with(|cell| cell.borrow().as_ref().is_some_and(Page::focus_inside))
    }
}

impl Page {
    /// Whether the page's focus is on the container or one of its elements.
    fn focus_inside(&self) -> bool {
        self.document
            .active_element()
            .is_some_and(|active| self.container.contains(Some(&active)))
    }

    fn apply(&mut self, ops: &[Op]) -> Result<(), wasm_bindgen::JsValue> {
        // The element in the mirror with the page's focus, if any. Moving an element in
        // the page (children reordered as a list scrolls) drops its focus: this is the
        // element to give it back to.
        let focused = self
            .document
            .active_element()
            .filter(|active| self.container.contains(Some(active)))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let had_focus = focused.is_some();
        let follow = had_focus || std::mem::take(&mut self.tabbed);
        self.place_container()?;
        if self.agent.is_none() {
            self.name_agent()?;
        }
        // The tree is in physical pixels; the page is in CSS pixels.
        let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let scale = if scale > 0.0 { scale } else { 1.0 };
        for op in ops {
            match op {
                Op::Create { id, tag } => {
                    let element: web_sys::HtmlElement = self
                        .document
                        .create_element(tag)?
                        .dyn_into()
                        .map_err(|_| "not an HTML element")?;
                    element.set_attribute(ID_ATTR, &id.to_string())?;
                    let text = if matches!(*tag, "input" | "textarea") {
                        None
                    } else {
                        let text = self.document.create_text_node("");
                        element.append_child(&text)?;
                        Some(text)
                    };
                    self.elements.insert(
                        *id,
                        Element {
                            element,
                            text,
                            placed: Default::default(),
                        },
                    );
                }
                Op::SetAttr { id, name, value } => {
                    if let Some(e) = self.elements.get(id) {
                        e.element.set_attribute(name, value)?;
                    }
                }
                Op::RemoveAttr { id, name } => {
                    if let Some(e) = self.elements.get(id) {
                        e.element.remove_attribute(name)?;
                    }
                }
                Op::SetText { id, text } => {
                    if let Some(e) = self.elements.get(id) {
                        set_text(e, text);
                    }
                }
                Op::SetRect { id, rect } => {
                    if let Some(e) = self.elements.get_mut(id) {
                        let style = e.element.style();
                        // Where as a transform, which the browser moves without laying
                        // the page out again.
                        let wanted = [
                            format!("translate({}, {})", px(rect.x / scale), px(rect.y / scale)),
                            px(rect.width / scale),
                            px(rect.height / scale),
                        ];
                        for ((name, value), was) in ["transform", "width", "height"]
                            .into_iter()
                            .zip(wanted)
                            .zip(&mut e.placed)
                        {
                            if *was != value {
                                style.set_property(name, &value)?;
                                *was = value;
                            }
                        }
                    }
                }
                Op::Place { id, parent, before } => {
                    let parent: &web_sys::HtmlElement = match parent {
                        None => &self.container,
                        Some(p) => match self.elements.get(p) {
                            Some(p) => &p.element,
                            None => continue,
                        },
                    };
                    let Some(child) = self.elements.get(id) else {
                        continue;
                    };
                    let before = before
                        .and_then(|b| self.elements.get(&b))
                        .map(|b| &b.element);
                    parent.insert_before(&child.element, before.map(AsRef::as_ref))?;
                }
                Op::Remove { id } => {
                    if let Some(e) = self.elements.remove(id) {
                        e.element.remove();
                    }
                }
                Op::Focus { id } => {
                    self.focus = *id;
                    // The page's focus follows the app's while it is in the mirror, and
                    // when Tab on the canvas moved it; a pointer user working on the
                    // canvas keeps the canvas (and egui's text agent), and the shortcuts.
                    if follow && let Some(e) = id.and_then(|id| self.elements.get(&id)) {
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        e.element.focus_with_options(&options)?;
                    }
                }
            }
        }
        // The focus fell out of the mirror: back to the element that had it if it was only
        // moved; if it was made again, to the element of the app's focus; if that went too
        // (a screen changed), to the container, so the next Tab carries on from there
        // rather than from the top of the page.
        if had_focus && !self.focus_inside() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let app_focus = self.focus.and_then(|id| self.elements.get(&id));
            match focused.filter(|e| self.container.contains(Some(e))) {
                Some(element) => element.focus_with_options(&options)?,
                None => match app_focus {
                    Some(e) => e.element.focus_with_options(&options)?,
                    None => self.container.focus_with_options(&options)?,
                },
            }
        }
        Ok(())
    }

    /// Names eframe's text agent, once it is in the page. It is not named after the
    /// focused control: that would give the page two text boxes of one name.
    fn name_agent(&mut self) -> Result<(), wasm_bindgen::JsValue> {
        self.agent = self
            .document
            .query_selector("body > input[autocapitalize=\"off\"]")?;
        if let Some(agent) = &self.agent {
            agent.set_attribute("aria-label", "Text entry for the app's focused text box")?;
        }
        Ok(())
    }

    /// Lays the container exactly over the canvas.
    fn place_container(&mut self) -> Result<(), wasm_bindgen::JsValue> {
        let placed = (
            self.canvas.offset_left(),
            self.canvas.offset_top(),
            self.canvas.offset_width(),
            self.canvas.offset_height(),
        );
        if placed != self.placed {
            let style = self.container.style();
            style.set_property("left", &format!("{}px", placed.0))?;
            style.set_property("top", &format!("{}px", placed.1))?;
            style.set_property("width", &format!("{}px", placed.2))?;
            style.set_property("height", &format!("{}px", placed.3))?;
            self.placed = placed;
        }
        Ok(())
    }
}

/// Sets an element's own text, or a text box's value when it differs (so the caret of a
/// box being typed in stays where it is).
fn set_text(e: &Element, text: &str) {
    if let Some(node) = &e.text {
        node.set_data(text);
    } else if let Some(input) = e.element.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != text {
            input.set_value(text);
        }
    } else if let Some(area) = e.element.dyn_ref::<web_sys::HtmlTextAreaElement>()
        && area.value() != text
    {
        area.set_value(text);
    }
}

/// A length in CSS pixels.
fn px(value: f64) -> String {
    // Hundredths of a pixel, written the short way (`12.5px`, not `12.50px`).
    format!("{}px", (value * 100.0).round() / 100.0)
}

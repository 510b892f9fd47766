//! The pure half of the mirror: AccessKit tree updates in, DOM operations out.
//!
//! [`Mirror`] keeps the nodes it has been given and what it last told the page, and for
//! each [`TreeUpdate`] returns the [`Op`]s that bring the page from the last tree to the
//! new one: elements created for new nodes, attributes and text changed where they
//! differ, elements moved where the order of children changed, elements removed for
//! nodes no longer reachable from the root, and the focus when it moves. Nothing here
//! touches a browser, so every rule is tested natively with exact operations.
//!
//! # From roles to HTML
//!
//! - Anything that can be clicked and has a name becomes a `<button>`, with the ARIA
//!   role of the node when it is not a plain button (`checkbox`, `radio`, `switch`,
//!   `link`, `tab`...; a disclosure triangle is a plain button with `aria-expanded`), so
//!   Enter and Space work as a browser user expects and assistive technology's "press"
//!   reaches the app. A role-less node with no name is a plain element, not reached by Tab.
//! - Text boxes are real `<input>` elements (`<textarea>` when multi-line) holding the
//!   node's value.
//! - Everything else is a `<div>` with the ARIA role that matches: headings with
//!   `aria-level` (AccessKit counts levels from 0, ARIA from 1), named regions, groups,
//!   navigation, images, status and alert. Plain text and unnamed containers get no role.
//! - States: `aria-disabled`, `aria-checked` (check boxes, radio buttons, switches) or
//!   `aria-pressed` (toggle buttons), `aria-expanded`, `aria-selected`, `aria-live`,
//!   `aria-required`, `aria-readonly`, and `aria-valuenow`/`min`/`max` for sliders and
//!   progress. Hidden nodes get `hidden`.
//! - Names: a leaf's text is its label (or, for plain text, its value), so the page reads
//!   as the app does; a node with children is named by `aria-label`.
//! - Text runs (egui gives each row of a label or text box on screen one, for moving a
//!   caret through it) are not mirrored: the row's words are its parent's text already,
//!   and the browser lays that text out itself. So a label is one element whether or not
//!   it is on screen, and does not change as it scrolls into view.
//! - Positions: each element is placed over the node's bounds, in the tree's coordinates
//!   with every node's transform applied, relative to its parent element's position
//!   (every mirrored element is absolutely positioned inside its parent). A node without
//!   bounds (egui gives none to its layout groups, a scrolling region's content among
//!   them) is placed over the union of its children's. So a screen reader's highlight of a
//!   group covers what is in it, and when a case scrolls only the group moves: what is
//!   inside keeps its place relative to it, and has nothing to rewrite.

use std::sync::Arc;

use egui::accesskit::{Affine, Node, Role, TreeUpdate};
use nohash_hasher::{IntMap, IntSet};

mod describe;
mod places;
use describe::describe;
use places::{Walked, places};

/// One change to make to the page. Ids are AccessKit node ids.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Make a new element with this tag for the node (not yet in the page).
    Create {
        /// The node.
        id: u64,
        /// `button`, `input`, `textarea` or `div`.
        tag: &'static str,
    },
    /// Set an attribute.
    SetAttr {
        /// The node.
        id: u64,
        /// The attribute's name.
        name: &'static str,
        /// Its value.
        value: String,
    },
    /// Remove an attribute.
    RemoveAttr {
        /// The node.
        id: u64,
        /// The attribute's name.
        name: &'static str,
    },
    /// Set the element's own text (kept apart from its child elements), or for an
    /// `<input>` or `<textarea>` its value.
    SetText {
        /// The node.
        id: u64,
        /// The text.
        text: String,
    },
    /// Place the element over this rectangle, in the tree's coordinates, relative to the
    /// top left of its parent element.
    SetRect {
        /// The node.
        id: u64,
        /// The rectangle.
        rect: Rect,
    },
    /// Put the element inside `parent` (None: the mirror's own container), before the
    /// element of `before` (None: at the end). Moves it if it was elsewhere.
    Place {
        /// The node.
        id: u64,
        /// The parent node, or None for the top of the mirror.
        parent: Option<u64>,
        /// The sibling it goes before, or None for the end.
        before: Option<u64>,
    },
    /// Remove the element and forget it.
    Remove {
        /// The node.
        id: u64,
    },
    /// The app's focus moved to this node (None: to no control).
    Focus {
        /// The node, if it is mirrored.
        id: Option<u64>,
    },
}

/// A rectangle in the tree's coordinates: left, top, width and height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// No size, at the parent's top left: where a node with nothing to place it by goes.
    pub const NONE: Self = Self {
        x: 0.0,
        y: 0.0,
        width: 0.0,
        height: 0.0,
    };
}

/// What the page shows for one node: enough to work out what changed.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    /// Shared with the last frame's while the node is unchanged, so an unchanged node is
    /// neither described again nor compared attribute by attribute.
    look: Arc<Look>,
    rect: Rect,
    children: Vec<u64>,
}

/// What an element is, apart from where: its tag, attributes and own text.
#[derive(Debug, PartialEq)]
struct Look {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    text: String,
    /// Whether it was described as having children (which changes how it is named).
    with_children: bool,
}

/// The mirror of one AccessKit tree. Feed it every [`TreeUpdate`] with [`Mirror::update`].
#[derive(Debug, Default)]
pub struct Mirror {
    /// The nodes by id. Ids are egui's, which are hashes already: the maps keyed by them
    /// do not hash them again.
    nodes: IntMap<u64, Node>,
    root: Option<u64>,
    shown: IntMap<u64, Shown>,
    /// The top-level elements in the mirror's container, in order.
    top: Vec<u64>,
    /// The last walk from the root, parents first: while nodes only move, only their
    /// places are worked out again.
    order: Vec<Walked>,
    focus: Option<u64>,
}

impl Mirror {
    /// An empty mirror.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many elements the page holds for the tree.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    /// The node with the app's focus, as the page was last told (None: no control).
    pub fn focus(&self) -> Option<u64> {
        self.focus
    }

    /// Whether the page holds nothing yet.
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Takes in one tree update and returns the operations that bring the page up to date.
    /// The root node itself is not mirrored (the page's container stands for it); its
    /// children are the container's children.
    pub fn update(&mut self, update: &TreeUpdate) -> Vec<Op> {
        // egui sends every node every frame; most are as they were, and while a list
        // scrolls most of the rest have only moved. Only a node whose description may
        // have changed is described again.
        let mut changed: IntSet<u64> = IntSet::default();
        // Whether anything but where nodes are changed: a node new or described anew, or
        // children added, removed or reordered.
        let mut reshaped = false;
        for (id, node) in &update.nodes {
            // A text run is one row of a label or text box, for moving a caret through
            // it; its words are the parent's text already, which the page lays out itself.
            if node.role() == Role::TextRun {
                continue;
            }
            match self.nodes.get_mut(&id.0) {
                Some(old) => {
                    let (moved_only, children_changed) = only_moved(old, node);
                    reshaped |= children_changed;
                    // A node as it was, or that only moved, is its new self already.
                    if !moved_only {
                        changed.insert(id.0);
                        old.clone_from(node);
                    }
                }
                None => {
                    self.nodes.insert(id.0, node.clone());
                    changed.insert(id.0);
                }
            }
        }
        reshaped |= !changed.is_empty();
        if let Some(tree) = &update.tree {
            reshaped |= self.root != Some(tree.root.0);
            self.root = Some(tree.root.0);
        }
        let Some(root) = self.root else {
            return Vec::new();
        };
        let root_transform = self.nodes.get(&root).map_or(Affine::IDENTITY, |n| {
            n.transform().copied().unwrap_or(Affine::IDENTITY)
        });
        if !reshaped && !self.order.is_empty() {
            return self.only_places(root, root_transform, update);
        }

        // Walk the tree from the root: what each reachable node should look like, and where
        // it is on the page (its bounds with every transform above it applied).
        let mut wanted: IntMap<u64, Shown> = IntMap::default();
        wanted.reserve(self.shown.len());
        let mut order: Vec<Walked> = Vec::with_capacity(self.shown.len()); // parents first
        let mut top: Vec<u64> = Vec::new();
        if let Some(root_node) = self.nodes.get(&root) {
            let mut stack: Vec<Walked> = root_node
                .children()
                .iter()
                .rev()
                .map(|child| Walked {
                    id: child.0,
                    parent: None,
                })
                .collect();
            while let Some(Walked { id, parent }) = stack.pop() {
                let Some(node) = self.nodes.get(&id) else {
                    continue;
                };
                if wanted.contains_key(&id) {
                    continue; // a node listed twice: keep the first place
                }
                let has_children = node
                    .children()
                    .iter()
                    .any(|c| self.nodes.contains_key(&c.0));
                let look = match self.shown.get(&id) {
                    Some(old)
                        if !changed.contains(&id) && old.look.with_children == has_children =>
                    {
                        Arc::clone(&old.look)
                    }
                    _ => {
                        let (tag, attrs, text) = describe(node, has_children);
                        Arc::new(Look {
                            tag,
                            attrs,
                            text,
                            with_children: has_children,
                        })
                    }
                };
                wanted.insert(
                    id,
                    Shown {
                        look,
                        rect: Rect::NONE,
                        children: Vec::new(),
                    },
                );
                match parent.and_then(|p: usize| order.get(p)) {
                    None => top.push(id),
                    Some(parent) => {
                        if let Some(parent) = wanted.get_mut(&parent.id) {
                            parent.children.push(id);
                        }
                    }
                }
                let at = order.len();
                order.push(Walked { id, parent });
                for child in node.children().iter().rev() {
                    stack.push(Walked {
                        id: child.0,
                        parent: Some(at),
                    });
                }
            }
        }
        for (walked, rect) in order
            .iter()
            .zip(places(&self.nodes, &order, root_transform))
        {
            if let Some(shown) = wanted.get_mut(&walked.id) {
                shown.rect = rect;
            }
        }
        let mut ops = Vec::new();
        // New elements, and changes to the ones that stay. A node whose tag changed is
        // made again.
        let mut remade: IntSet<u64> = IntSet::default();
        for Walked { id, .. } in &order {
            let Some(new) = wanted.get(id) else { continue };
            let old = self.shown.get(id);
            let old = match old {
                Some(old) if old.look.tag == new.look.tag => Some(old),
                Some(_) => {
                    ops.push(Op::Remove { id: *id });
                    remade.insert(*id);
                    None
                }
                None => None,
            };
            if old.is_none() {
                ops.push(Op::Create {
                    id: *id,
                    tag: new.look.tag,
                });
            }
            diff_element(*id, old, new, &mut ops);
        }
        for id in &remade {
            self.shown.remove(id);
            self.forget_child(*id);
        }

        // Order: each parent's children as the tree lists them, parents first.
        let mut current_top = std::mem::take(&mut self.top);
        current_top.retain(|id| top.contains(id) && !remade.contains(id));
        place_children(None, &mut current_top, &top, &mut ops);
        self.top = current_top;
        for Walked { id, .. } in &order {
            let Some(new) = wanted.get(id) else { continue };
            let old = self.shown.get(id).map(|s| s.children.as_slice());
            if remade.is_empty() && old == Some(new.children.as_slice()) {
                continue; // the same children in the same order, the common case
            }
            let mut current = old.map(<[u64]>::to_vec).unwrap_or_default();
            current.retain(|c| wanted.contains_key(c) && !remade.contains(c));
            // Children that were placed under another parent earlier in this pass are not
            // here any more.
            current.retain(|c| new.children.contains(c));
            place_children(Some(*id), &mut current, &new.children, &mut ops);
        }

        // What is no longer in the tree goes.
        let mut gone: Vec<u64> = self
            .shown
            .keys()
            .filter(|id| !wanted.contains_key(id))
            .copied()
            .collect();
        gone.sort_unstable();
        for id in gone {
            ops.push(Op::Remove { id });
        }
        self.nodes
            .retain(|id, _| wanted.contains_key(id) || *id == root);
        self.shown = wanted;
        self.order = order;

        self.refocus(root, update, &mut ops);
        ops
    }

    /// The operations for a frame in which nodes only moved: each element whose place
    /// changed is placed again.
    fn only_places(&mut self, root: u64, root_transform: Affine, update: &TreeUpdate) -> Vec<Op> {
        let mut ops = Vec::new();
        for (walked, rect) in
            self.order
                .iter()
                .zip(places(&self.nodes, &self.order, root_transform))
        {
            if let Some(shown) = self.shown.get_mut(&walked.id)
                && shown.rect != rect
            {
                shown.rect = rect;
                ops.push(Op::SetRect {
                    id: walked.id,
                    rect,
                });
            }
        }
        self.refocus(root, update, &mut ops);
        ops
    }

    /// Tells the page when the focus moved.
    fn refocus(&mut self, root: u64, update: &TreeUpdate, ops: &mut Vec<Op>) {
        let focus = Some(update.focus.0).filter(|id| *id != root && self.shown.contains_key(id));
        if focus != self.focus {
            ops.push(Op::Focus { id: focus });
            self.focus = focus;
        }
    }

    fn forget_child(&mut self, id: u64) {
        self.top.retain(|c| *c != id);
        for shown in self.shown.values_mut() {
            shown.children.retain(|c| *c != id);
        }
    }
}

/// Whether `new` differs from `old` only where it is (its bounds and transform) or in
/// which children it has, none of which changes its description; and whether its children
/// changed. `old` is left as `new` where they differ in those, and as it was otherwise.
fn only_moved(old: &mut Node, new: &Node) -> (bool, bool) {
    match new.bounds() {
        Some(bounds) => old.set_bounds(bounds),
        None => old.clear_bounds(),
    }
    match new.transform() {
        Some(transform) => old.set_transform(*transform),
        None => old.clear_transform(),
    }
    let children_changed = old.children() != new.children();
    if children_changed {
        old.set_children(new.children().to_vec());
    }
    (old == new, children_changed)
}

/// The operations that turn `old` (None: a new element) into `new`, apart from order.
fn diff_element(id: u64, old: Option<&Shown>, new: &Shown, ops: &mut Vec<Op>) {
    if !old.is_some_and(|o| Arc::ptr_eq(&o.look, &new.look)) {
        diff_look(id, old.map(|o| &*o.look), &new.look, ops);
    }
    if old.is_none_or(|o| o.rect != new.rect) {
        ops.push(Op::SetRect { id, rect: new.rect });
    }
}

/// The attribute and text operations that turn `old` into `new`.
fn diff_look(id: u64, old: Option<&Look>, new: &Look, ops: &mut Vec<Op>) {
    for (name, value) in &new.attrs {
        let before = old.and_then(|o| o.attrs.iter().find(|(n, _)| n == name));
        if before.is_none_or(|(_, v)| v != value) {
            ops.push(Op::SetAttr {
                id,
                name,
                value: value.clone(),
            });
        }
    }
    if let Some(old) = old {
        for (name, _) in &old.attrs {
            if !new.attrs.iter().any(|(n, _)| n == name) {
                ops.push(Op::RemoveAttr { id, name });
            }
        }
    }
    if old.map_or(!new.text.is_empty(), |o| o.text != new.text) {
        ops.push(Op::SetText {
            id,
            text: new.text.clone(),
        });
    }
}

/// Moves elements so `current` (what the page has under `parent`) becomes `wanted`,
/// emitting a [`Op::Place`] for each element put in place.
fn place_children(parent: Option<u64>, current: &mut Vec<u64>, wanted: &[u64], ops: &mut Vec<Op>) {
    for (i, id) in wanted.iter().enumerate() {
        if current.get(i) == Some(id) {
            continue;
        }
        current.retain(|c| c != id);
        let before = current.get(i).copied();
        let at = i.min(current.len());
        current.insert(at, *id);
        ops.push(Op::Place {
            id: *id,
            parent,
            before,
        });
    }
    current.truncate(wanted.len());
}

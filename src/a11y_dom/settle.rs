//! Positions while things move: written in batches, not every frame.
//!
//! When a case scrolls, every element of the mirror moves every frame, and writing each
//! new position makes the browser lay the page out again, which costs more than the
//! frame itself. Nobody reads a position mid-scroll: a screen reader uses the tree, a
//! magnifier the focused element. So [`Settle`] holds back the positions of elements that
//! only moved, and lets them through:
//!
//! - on the first frame in which nothing moved (the scroll ended), and
//! - every [`EVERY`]th frame while things keep moving, so that nothing lags for long;
//! - at once for an element made in this frame (it has no position yet) and for the
//!   element with the app's focus (what a magnifier follows).
//!
//! Everything else (elements made, removed and moved in the tree, names, states, text,
//! focus) goes through at once and in order. A held position is dropped when its element
//! is removed, and replaced when it moves again. While positions are held, the plugin asks
//! egui for one more frame, so the last ones are written even if nothing else happens.

use std::collections::{BTreeMap, HashSet};

use super::mirror::{Op, Rect};

/// While things move, held positions are written every this many frames.
pub const EVERY: u32 = 8;

/// The positions held back, and what decides when they go.
#[derive(Debug, Default)]
pub struct Settle {
    held: BTreeMap<u64, Rect>,
    /// Frames since held positions were last written.
    frames: u32,
}

impl Settle {
    /// Nothing held.
    pub fn new() -> Self {
        Self::default()
    }

    /// One frame's operations in, with the app's focus after them (the mirror's), the ones
    /// to apply now out (held positions last).
    pub fn pass(&mut self, ops: Vec<Op>, focus: Option<u64>) -> Vec<Op> {
        let made: HashSet<u64> = ops
            .iter()
            .filter_map(|op| match op {
                Op::Create { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        let mut moved = false;
        let mut now = Vec::with_capacity(ops.len());
        for op in ops {
            match op {
                Op::SetRect { id, rect } if !made.contains(&id) && focus != Some(id) => {
                    moved = true;
                    self.held.insert(id, rect);
                }
                Op::SetRect { id, .. } | Op::Remove { id } => {
                    self.held.remove(&id);
                    now.push(op);
                }
                _ => now.push(op),
            }
        }
        self.frames += 1;
        if !moved || self.frames >= EVERY {
            now.extend(
                std::mem::take(&mut self.held)
                    .into_iter()
                    .map(|(id, rect)| Op::SetRect { id, rect }),
            );
            self.frames = 0;
        }
        now
    }

    /// Whether positions are held back (then one more frame writes them).
    pub fn holding(&self) -> bool {
        !self.held.is_empty()
    }
}

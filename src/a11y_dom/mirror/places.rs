//! Where each mirrored element goes: a node's bounds with every transform above it
//! applied, relative to its parent's element. A node without bounds of its own (egui gives
//! none to its layout groups) is placed over the union of its children's.

use egui::accesskit::{Affine, Node, Rect as AkRect};
use nohash_hasher::IntMap;

use super::Rect;

/// A node reached in the walk from the root (or still to visit).
#[derive(Clone, Copy, Debug)]
pub(super) struct Walked {
    /// The node.
    pub id: u64,
    /// Where its parent is in the walk (None: at the top).
    pub parent: Option<usize>,
}

/// Where each node of the walk `order` goes, relative to its parent's element: its
/// bounds with every transform above it applied. A container without bounds of its
/// own (egui gives none to its layout groups) is placed over what is inside it.
pub(super) fn places(
    nodes: &IntMap<u64, Node>,
    order: &[Walked],
    root_transform: Affine,
) -> Vec<Rect> {
    let mut transforms: Vec<Affine> = Vec::with_capacity(order.len());
    let mut placed: Vec<(Option<AkRect>, bool)> = Vec::with_capacity(order.len());
    for walked in order {
        let above = walked
            .parent
            .and_then(|p| transforms.get(p).copied())
            .unwrap_or(root_transform);
        let node = nodes.get(&walked.id);
        let transform = node
            .and_then(Node::transform)
            .map_or(above, |own| above * *own);
        let own = node
            .and_then(Node::bounds)
            .map(|b| transform.transform_rect_bbox(b))
            .filter(is_finite);
        transforms.push(transform);
        placed.push((own, own.is_some()));
    }
    // Children come after their parent in `order`, so going backwards each node's place
    // is known before its parent's.
    for at in (0..order.len()).rev() {
        let (Some(p), Some((Some(child), _))) = (
            order.get(at).and_then(|w| w.parent),
            placed.get(at).copied(),
        ) else {
            continue;
        };
        if let Some((parent, false)) = placed.get_mut(p) {
            *parent = Some(parent.map_or(child, |r| r.union(child)));
        }
    }
    order
        .iter()
        .zip(&placed)
        .map(|(walked, (rect, _))| {
            let origin = walked
                .parent
                .and_then(|p| placed.get(p))
                .and_then(|(r, _)| *r)
                .map_or((0.0, 0.0), |r| (r.x0, r.y0));
            rect.map_or(Rect::NONE, |r| Rect {
                x: r.x0 - origin.0,
                y: r.y0 - origin.1,
                width: r.x1 - r.x0,
                height: r.y1 - r.y0,
            })
        })
        .collect()
}

/// Whether every corner of `rect` is a number (egui marks "no place yet" with infinities).
fn is_finite(rect: &AkRect) -> bool {
    [rect.x0, rect.y0, rect.x1, rect.y1]
        .iter()
        .all(|v| v.is_finite())
}

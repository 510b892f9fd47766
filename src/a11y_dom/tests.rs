//! The mirror's rules, tree update in, exact operations out; and the plugin on a real
//! egui context.

use egui::accesskit::{
    Action, Affine, Live, Node, NodeId, Rect as AkRect, Role, Toggled, TreeId, TreeInfo, TreeUpdate,
};

use super::mirror::{Mirror, Op, Rect};
use super::settle::{EVERY, Settle};
use super::{A11yDom, Inbox, Sink};

const ROOT: NodeId = NodeId(1);

fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> AkRect {
    AkRect { x0, y0, x1, y1 }
}

fn node(role: Role, bounds: AkRect) -> Node {
    let mut node = Node::new(role);
    node.set_bounds(bounds);
    node
}

fn button(name: &str, bounds: AkRect) -> Node {
    let mut node = node(Role::Button, bounds);
    node.set_label(name);
    node.add_action(Action::Click);
    node.add_action(Action::Focus);
    node
}

fn root(children: &[u64]) -> Node {
    let mut root = Node::new(Role::Window);
    root.set_children(children.iter().map(|c| NodeId(*c)).collect::<Vec<_>>());
    root
}

fn update(nodes: Vec<(u64, Node)>, focus: u64) -> TreeUpdate {
    TreeUpdate {
        nodes: nodes.into_iter().map(|(id, n)| (NodeId(id), n)).collect(),
        tree: Some(TreeInfo::new(ROOT)),
        tree_id: TreeId::ROOT,
        focus: NodeId(focus),
    }
}

fn set(id: u64, name: &'static str, value: &str) -> Op {
    Op::SetAttr {
        id,
        name,
        value: value.to_owned(),
    }
}

fn at(id: u64, x: f64, y: f64, width: f64, height: f64) -> Op {
    Op::SetRect {
        id,
        rect: Rect {
            x,
            y,
            width,
            height,
        },
    }
}

/// The attributes and text an update sets, in order.
fn set_by(ops: &[Op]) -> Vec<&Op> {
    ops.iter()
        .filter(|op| matches!(op, Op::SetAttr { .. } | Op::SetText { .. }))
        .collect()
}

fn text(id: u64, text: &str) -> Op {
    Op::SetText {
        id,
        text: text.to_owned(),
    }
}

#[test]
fn a_first_tree_creates_places_and_names_every_node_under_the_root() {
    let mut mirror = Mirror::new();
    let ops = mirror.update(&update(
        vec![
            (1, root(&[2])),
            (2, button("Open", rect(10.0, 20.0, 110.0, 50.0))),
        ],
        1,
    ));
    assert_eq!(
        ops,
        vec![
            Op::Create {
                id: 2,
                tag: "button"
            },
            set(2, "type", "button"),
            text(2, "Open"),
            at(2, 10.0, 20.0, 100.0, 30.0),
            Op::Place {
                id: 2,
                parent: None,
                before: None
            },
        ]
    );
    assert_eq!(mirror.len(), 1);
}

#[test]
fn the_same_tree_again_changes_nothing() {
    let mut mirror = Mirror::new();
    let tree = update(
        vec![
            (1, root(&[2, 3])),
            (2, button("Open", rect(0.0, 0.0, 10.0, 10.0))),
            (3, button("Close", rect(0.0, 10.0, 10.0, 20.0))),
        ],
        1,
    );
    let _ = mirror.update(&tree);
    assert_eq!(mirror.update(&tree), vec![]);
}

#[test]
fn a_changed_name_state_and_position_update_only_what_changed() {
    let mut mirror = Mirror::new();
    let mut check = node(Role::CheckBox, rect(0.0, 0.0, 20.0, 20.0));
    check.set_label("Present");
    check.add_action(Action::Click);
    check.add_action(Action::Focus);
    check.set_toggled(Toggled::False);
    let first = mirror.update(&update(vec![(1, root(&[2])), (2, check.clone())], 1));
    assert_eq!(
        first,
        vec![
            Op::Create {
                id: 2,
                tag: "button"
            },
            set(2, "type", "button"),
            set(2, "role", "checkbox"),
            set(2, "aria-checked", "false"),
            text(2, "Present"),
            at(2, 0.0, 0.0, 20.0, 20.0),
            Op::Place {
                id: 2,
                parent: None,
                before: None
            },
        ]
    );
    check.set_toggled(Toggled::True);
    check.set_disabled();
    check.set_bounds(rect(0.0, 5.0, 20.0, 25.0));
    let second = mirror.update(&update(vec![(2, check.clone())], 1));
    assert_eq!(
        second,
        vec![
            set(2, "aria-disabled", "true"),
            set(2, "aria-checked", "true"),
            at(2, 0.0, 5.0, 20.0, 20.0),
        ]
    );
    check.clear_disabled();
    check.set_label("Missing");
    let third = mirror.update(&update(vec![(2, check)], 1));
    assert_eq!(
        third,
        vec![
            Op::RemoveAttr {
                id: 2,
                name: "aria-disabled"
            },
            text(2, "Missing")
        ]
    );
}

#[test]
fn a_removed_child_is_removed_with_its_descendants_and_focus_is_reported() {
    let mut mirror = Mirror::new();
    let mut region = node(Role::Region, rect(100.0, 100.0, 300.0, 300.0));
    region.set_label("Marking");
    region.set_children(vec![NodeId(3)]);
    let _ = mirror.update(&update(
        vec![
            (1, root(&[2, 4])),
            (2, region),
            (
                3,
                button("Check your answers", rect(110.0, 120.0, 210.0, 140.0)),
            ),
            (4, button("Back", rect(0.0, 0.0, 50.0, 20.0))),
        ],
        3,
    ));
    assert_eq!(mirror.len(), 3);
    let ops = mirror.update(&update(vec![(1, root(&[4]))], 4));
    assert_eq!(
        ops,
        vec![
            Op::Remove { id: 2 },
            Op::Remove { id: 3 },
            Op::Focus { id: Some(4) }
        ]
    );
    assert_eq!(mirror.len(), 1);
}

#[test]
fn children_are_positioned_relative_to_their_parent_and_regions_are_named() {
    let mut mirror = Mirror::new();
    let mut region = node(Role::Region, rect(100.0, 100.0, 300.0, 300.0));
    region.set_label("Marking");
    region.set_children(vec![NodeId(3)]);
    let ops = mirror.update(&update(
        vec![
            (1, root(&[2])),
            (2, region),
            (
                3,
                button("Check your answers", rect(110.0, 120.0, 210.0, 140.0)),
            ),
        ],
        3,
    ));
    assert_eq!(
        ops,
        vec![
            Op::Create { id: 2, tag: "div" },
            set(2, "role", "region"),
            set(2, "aria-label", "Marking"),
            at(2, 100.0, 100.0, 200.0, 200.0),
            Op::Create {
                id: 3,
                tag: "button"
            },
            set(3, "type", "button"),
            text(3, "Check your answers"),
            at(3, 10.0, 20.0, 100.0, 20.0),
            Op::Place {
                id: 2,
                parent: None,
                before: None
            },
            Op::Place {
                id: 3,
                parent: Some(2),
                before: None
            },
            Op::Focus { id: Some(3) },
        ]
    );
}

#[test]
fn the_roots_transform_scales_every_rectangle() {
    // egui's root carries the pixels per point as a scale.
    let mut mirror = Mirror::new();
    let mut window = root(&[2]);
    window.set_transform(Affine::scale(2.0));
    let ops = mirror.update(&update(
        vec![
            (1, window),
            (2, button("Open", rect(10.0, 20.0, 110.0, 50.0))),
        ],
        1,
    ));
    assert!(ops.contains(&at(2, 20.0, 40.0, 200.0, 60.0)), "{ops:?}");
}

#[test]
fn reordered_children_are_moved_not_remade() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 1.0, 1.0);
    let _ = mirror.update(&update(
        vec![
            (1, root(&[2, 3, 4])),
            (2, button("A", r)),
            (3, button("B", r)),
            (4, button("C", r)),
        ],
        1,
    ));
    let ops = mirror.update(&update(vec![(1, root(&[4, 2, 3]))], 1));
    assert_eq!(
        ops,
        vec![Op::Place {
            id: 4,
            parent: None,
            before: Some(2)
        }]
    );
    // A new node in the middle: created and put before the one after it.
    let ops = mirror.update(&update(
        vec![(1, root(&[4, 5, 2, 3])), (5, button("D", r))],
        1,
    ));
    assert_eq!(
        ops,
        vec![
            Op::Create {
                id: 5,
                tag: "button"
            },
            set(5, "type", "button"),
            text(5, "D"),
            at(5, 0.0, 0.0, 1.0, 1.0),
            Op::Place {
                id: 5,
                parent: None,
                before: Some(2)
            },
        ]
    );
}

#[test]
fn a_node_moving_to_another_parent_is_moved_before_the_old_parent_goes() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 1.0, 1.0);
    let mut group = node(Role::GenericContainer, r);
    group.set_children(vec![NodeId(3)]);
    let _ = mirror.update(&update(
        vec![(1, root(&[2])), (2, group), (3, button("A", r))],
        1,
    ));
    let ops = mirror.update(&update(vec![(1, root(&[3]))], 1));
    assert_eq!(
        ops,
        vec![
            Op::Place {
                id: 3,
                parent: None,
                before: None
            },
            Op::Remove { id: 2 },
        ]
    );
}

#[test]
fn headings_text_boxes_labels_links_and_live_regions_map_to_html() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 10.0, 10.0);
    let mut heading = node(Role::Heading, r);
    heading.set_label("Universal Credit");
    heading.set_level(0);
    let mut input = node(Role::TextInput, r);
    input.set_label("Partnership name");
    input.set_value("Jobcentre");
    input.add_action(Action::Focus);
    let mut label = node(Role::Label, r);
    label.set_value("Some words");
    let mut link = node(Role::Link, r);
    link.set_label("Read the model");
    link.add_action(Action::Click);
    link.add_action(Action::Focus);
    let mut live = node(Role::GenericContainer, r);
    live.set_live(Live::Polite);
    live.set_children(vec![NodeId(7)]);
    let mut summary = node(Role::Label, r);
    summary.set_value("You agreed on 7 of 9");
    let ops = mirror.update(&update(
        vec![
            (1, root(&[2, 3, 4, 5, 6])),
            (2, heading),
            (3, input),
            (4, label),
            (5, link),
            (6, live),
            (7, summary),
        ],
        1,
    ));
    let creates: Vec<&Op> = ops
        .iter()
        .filter(|op| !matches!(op, Op::SetRect { .. } | Op::Place { .. }))
        .collect();
    assert_eq!(
        creates,
        vec![
            &Op::Create { id: 2, tag: "div" },
            &set(2, "role", "heading"),
            &set(2, "aria-level", "1"),
            &text(2, "Universal Credit"),
            &Op::Create {
                id: 3,
                tag: "input"
            },
            &set(3, "type", "text"),
            &set(3, "aria-label", "Partnership name"),
            &text(3, "Jobcentre"),
            &Op::Create { id: 4, tag: "div" },
            &text(4, "Some words"),
            &Op::Create {
                id: 5,
                tag: "button"
            },
            &set(5, "type", "button"),
            &set(5, "role", "link"),
            &text(5, "Read the model"),
            &Op::Create { id: 6, tag: "div" },
            &set(6, "aria-live", "polite"),
            &Op::Create { id: 7, tag: "div" },
            &text(7, "You agreed on 7 of 9"),
        ]
    );
}

#[test]
fn a_node_whose_tag_changes_is_made_again_with_its_children_put_back() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 10.0, 10.0);
    let mut plain = node(Role::Label, r);
    plain.set_value("Go");
    let _ = mirror.update(&update(vec![(1, root(&[2])), (2, plain)], 1));
    let ops = mirror.update(&update(vec![(2, button("Go", r))], 1));
    assert_eq!(
        ops,
        vec![
            Op::Remove { id: 2 },
            Op::Create {
                id: 2,
                tag: "button"
            },
            set(2, "type", "button"),
            text(2, "Go"),
            at(2, 0.0, 0.0, 10.0, 10.0),
            Op::Place {
                id: 2,
                parent: None,
                before: None
            },
        ]
    );
}

/// Records what the plugin hands over.
#[derive(Default)]
struct Recorder(std::sync::Arc<std::sync::Mutex<Vec<Op>>>);

impl Sink for Recorder {
    fn apply(&mut self, ops: &[Op]) {
        if let Ok(mut all) = self.0.lock() {
            all.extend_from_slice(ops);
        }
    }
}

#[test]
fn the_plugin_mirrors_a_real_egui_frame_and_delivers_a_click_from_the_page() {
    let ctx = egui::Context::default();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let inbox = Inbox::default();
    ctx.add_plugin(A11yDom::new(Recorder(seen.clone()), inbox.clone()));
    let mut clicks = 0;
    let frame = |ctx: &egui::Context, clicks: &mut i32| {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if ui.button("Check your answers").clicked() {
                *clicks += 1;
            }
        });
        output.textures_delta.clear();
    };
    frame(&ctx, &mut clicks);
    let ops = seen.lock().map(|o| o.clone()).unwrap_or_default();
    let id = ops
        .iter()
        .find_map(|op| match op {
            Op::SetText { id, text } if text == "Check your answers" => Some(*id),
            _ => None,
        })
        .unwrap_or_default();
    assert!(
        ops.contains(&Op::Create { id, tag: "button" }),
        "the button is mirrored as a button: {ops:?}"
    );
    inbox.push(id, Action::Click, None);
    frame(&ctx, &mut clicks);
    assert_eq!(clicks, 1, "the page's click reaches the button");
}

#[test]
fn scroll_bars_are_hidden_and_unnamed_containers_get_no_label() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 10.0, 10.0);
    let mut bar = node(Role::ScrollBar, r);
    bar.add_action(Action::Click);
    let mut label = node(Role::Label, r);
    label.set_value("Cases");
    label.set_children(vec![NodeId(4)]);
    let mut run = node(Role::Label, r);
    run.set_value("Cases");
    let ops = mirror.update(&update(
        vec![(1, root(&[2, 3])), (2, bar), (3, label), (4, run)],
        1,
    ));
    assert_eq!(
        set_by(&ops),
        vec![
            &set(2, "role", "scrollbar"),
            &set(2, "hidden", ""),
            &text(4, "Cases"),
        ]
    );
}

#[test]
fn a_collapsing_header_is_a_button_that_says_whether_it_is_expanded() {
    let mut mirror = Mirror::new();
    let mut header = node(Role::DisclosureTriangle, rect(0.0, 0.0, 200.0, 20.0));
    header.set_label("Choose evidence from a list");
    header.add_action(Action::Click);
    header.add_action(Action::Focus);
    header.set_expanded(false);
    let ops = mirror.update(&update(vec![(1, root(&[2])), (2, header)], 1));
    assert!(
        ops.contains(&Op::Create {
            id: 2,
            tag: "button"
        }),
        "{ops:?}"
    );
    assert_eq!(
        set_by(&ops),
        vec![
            &set(2, "type", "button"),
            &set(2, "aria-expanded", "false"),
            &text(2, "Choose evidence from a list"),
        ]
    );
}

#[test]
fn a_nameless_node_that_takes_a_click_is_no_control_and_no_stop_for_tab() {
    let mut mirror = Mirror::new();
    let r = rect(0.0, 0.0, 100.0, 20.0);
    let mut bare = node(Role::Unknown, r);
    bare.add_action(Action::Click);
    bare.add_action(Action::Focus);
    let mut named = node(Role::Unknown, r);
    named.set_label("Open the case");
    named.add_action(Action::Click);
    named.add_action(Action::Focus);
    let ops = mirror.update(&update(vec![(1, root(&[2, 3])), (2, bare), (3, named)], 1));
    assert!(ops.contains(&Op::Create { id: 2, tag: "div" }), "{ops:?}");
    assert!(
        ops.contains(&Op::Create {
            id: 3,
            tag: "button"
        }),
        "{ops:?}"
    );
    assert_eq!(
        set_by(&ops),
        vec![&set(3, "type", "button"), &text(3, "Open the case")]
    );
}

fn moved(id: u64, y: f64) -> Op {
    Op::SetRect {
        id,
        rect: Rect {
            x: 0.0,
            y,
            width: 10.0,
            height: 10.0,
        },
    }
}

#[test]
fn a_new_element_is_placed_at_once_and_a_move_waits_for_the_frame_where_nothing_moved() {
    let mut settle = Settle::new();
    let made = vec![
        Op::Create { id: 2, tag: "div" },
        moved(2, 0.0),
        Op::Place {
            id: 2,
            parent: None,
            before: None,
        },
    ];
    assert_eq!(settle.pass(made.clone(), None), made);
    assert!(!settle.holding());

    // It moves: the name change goes through, the position waits.
    let frame = vec![moved(2, 5.0), text(2, "Cases")];
    assert_eq!(settle.pass(frame, None), vec![text(2, "Cases")]);
    assert!(settle.holding());
    assert_eq!(settle.pass(vec![moved(2, 9.0)], None), vec![]);

    // Nothing moved: the newest position is written.
    assert_eq!(settle.pass(vec![], None), vec![moved(2, 9.0)]);
    assert!(!settle.holding());
    assert_eq!(settle.pass(vec![], None), vec![]);
}

#[test]
fn while_things_keep_moving_positions_are_written_every_eighth_frame() {
    let mut settle = Settle::new();
    assert_eq!(EVERY, 8);
    let mut written = Vec::new();
    for frame in 1..=20 {
        let out = settle.pass(
            vec![moved(3, f64::from(frame)), moved(4, -f64::from(frame))],
            None,
        );
        if !out.is_empty() {
            written.push((frame, out));
        }
    }
    assert_eq!(
        written,
        vec![
            (8, vec![moved(3, 8.0), moved(4, -8.0)]),
            (16, vec![moved(3, 16.0), moved(4, -16.0)]),
        ]
    );
    assert!(settle.holding());
}

#[test]
fn the_focused_element_moves_at_once_and_a_removed_one_leaves_nothing_held() {
    let mut settle = Settle::new();
    assert_eq!(
        settle.pass(
            vec![Op::Focus { id: Some(5) }, moved(5, 1.0), moved(6, 1.0)],
            Some(5)
        ),
        vec![Op::Focus { id: Some(5) }, moved(5, 1.0)]
    );
    assert!(settle.holding());
    assert_eq!(
        settle.pass(vec![Op::Remove { id: 6 }], Some(5)),
        vec![Op::Remove { id: 6 }]
    );
    assert!(!settle.holding());
    // The mirror's focus is still 5, though no operation says so now.
    assert_eq!(
        settle.pass(vec![moved(5, 2.0)], Some(5)),
        vec![moved(5, 2.0)]
    );
}

#[test]
fn text_runs_are_not_mirrored_so_a_label_is_one_element_on_screen_or_off() {
    let mut heading = node(Role::Heading, rect(0.0, 0.0, 200.0, 40.0));
    heading.set_label("Warnings and a closed culture (2012)");
    // On screen, egui gives the label's two rows a text run each.
    let mut on_screen = heading.clone();
    on_screen.set_children(vec![NodeId(3), NodeId(4)]);
    let mut row = node(Role::TextRun, rect(0.0, 0.0, 200.0, 20.0));
    row.set_value("Warnings and a closed");
    let mut second_row = node(Role::TextRun, rect(0.0, 20.0, 200.0, 40.0));
    second_row.set_value("culture (2012)");

    let mut mirror = Mirror::new();
    let first = mirror.update(&update(
        vec![(1, root(&[2])), (2, on_screen), (3, row), (4, second_row)],
        1,
    ));
    assert_eq!(mirror.len(), 1, "only the heading is an element: {first:?}");
    assert_eq!(
        set_by(&first),
        vec![
            &set(2, "role", "heading"),
            &text(2, "Warnings and a closed culture (2012)")
        ]
    );
    // Scrolled out of view: no text runs, and the heading moved. Only its place changes.
    heading.set_bounds(rect(0.0, -300.0, 200.0, -260.0));
    let second = mirror.update(&update(vec![(1, root(&[2])), (2, heading)], 1));
    assert_eq!(second, vec![at(2, 0.0, -300.0, 200.0, 40.0)]);
}

#[test]
fn a_group_without_bounds_covers_its_children_and_a_scroll_moves_only_the_group() {
    // egui's layout groups (a scrolling region's content among them) have no bounds.
    let mut mirror = Mirror::new();
    let mut region = node(Role::Region, rect(10.0, 10.0, 310.0, 210.0));
    region.set_label("Case text");
    region.set_children(vec![NodeId(3)]);
    let mut group = Node::new(Role::GenericContainer);
    group.set_children(vec![NodeId(4), NodeId(5)]);
    let frame = |offset: f64| {
        update(
            vec![
                (1, root(&[2])),
                (2, region.clone()),
                (3, group.clone()),
                (
                    4,
                    button(
                        "Paragraph 1",
                        rect(20.0, 100.0 - offset, 220.0, 120.0 - offset),
                    ),
                ),
                (
                    5,
                    button(
                        "Paragraph 2",
                        rect(20.0, 130.0 - offset, 300.0, 170.0 - offset),
                    ),
                ),
            ],
            1,
        )
    };
    let ops = mirror.update(&frame(0.0));
    // The group is over both paragraphs, inside the region; they are inside it.
    assert!(ops.contains(&at(3, 10.0, 90.0, 280.0, 70.0)), "{ops:?}");
    assert!(ops.contains(&at(4, 0.0, 0.0, 200.0, 20.0)), "{ops:?}");
    assert!(ops.contains(&at(5, 0.0, 30.0, 280.0, 40.0)), "{ops:?}");

    // The case scrolls by 40 points: the group moves, the paragraphs stay put inside it.
    let ops = mirror.update(&frame(40.0));
    assert_eq!(ops, vec![at(3, 10.0, 50.0, 280.0, 70.0)]);
    // And back: the page is told where it went each time.
    let ops = mirror.update(&frame(0.0));
    assert_eq!(ops, vec![at(3, 10.0, 90.0, 280.0, 70.0)]);
    assert!(mirror.update(&frame(0.0)).is_empty());
}

#[test]
fn a_group_with_nothing_placed_inside_takes_no_room() {
    let mut mirror = Mirror::new();
    let mut group = Node::new(Role::GenericContainer);
    group.set_children(vec![NodeId(3)]);
    let mut label = Node::new(Role::Label);
    label.set_value("No bounds anywhere");
    let ops = mirror.update(&update(vec![(1, root(&[2])), (2, group), (3, label)], 1));
    assert!(ops.contains(&at(2, 0.0, 0.0, 0.0, 0.0)), "{ops:?}");
    assert!(ops.contains(&at(3, 0.0, 0.0, 0.0, 0.0)), "{ops:?}");
}

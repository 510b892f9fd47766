//! From one AccessKit node to one element: its tag, its attributes in a fixed order and
//! its own text, by the rules in the parent module's documentation.

use egui::accesskit::{Action, Live, Node, Role, Toggled};

/// The tag, attributes (in a fixed order) and text for a node.
pub(super) fn describe(
    node: &Node,
    has_children: bool,
) -> (&'static str, Vec<(&'static str, String)>, String) {
    let role = node.role();
    let mut attrs: Vec<(&'static str, String)> = Vec::new();
    let label = node.label().unwrap_or_default().to_owned();
    let value = node.value().unwrap_or_default().to_owned();

    let text_box = matches!(
        role,
        Role::TextInput
            | Role::MultilineTextInput
            | Role::SearchInput
            | Role::EmailInput
            | Role::UrlInput
            | Role::PhoneNumberInput
            | Role::PasswordInput
            | Role::NumberInput
    );
    // A role-less node with no name (egui's bare `interact`, or a widget in a frame
    // before it is labelled) tells a listener nothing: it is no control, and no stop for
    // Tab.
    let nameless = role == Role::Unknown && label.is_empty() && value.is_empty();
    // Text, headings and pictures that take a click (a card's lines, say) stay what they
    // are; the control they belong to is the button.
    let clickable = (node.supports_action(Action::Click) && role == Role::Unknown && !nameless)
        || matches!(
            role,
            Role::Button
                | Role::DefaultButton
                | Role::CheckBox
                | Role::RadioButton
                | Role::Switch
                | Role::Link
                | Role::Tab
                | Role::DisclosureTriangle
                | Role::MenuItem
                | Role::MenuItemCheckBox
                | Role::MenuItemRadio
                | Role::ListBoxOption
        );

    let tag = if text_box {
        if role == Role::MultilineTextInput {
            "textarea"
        } else {
            "input"
        }
    } else if clickable && !has_children {
        "button"
    } else {
        "div"
    };

    let aria_role = aria_role(role, tag, !label.is_empty());
    if tag == "input" {
        let kind = match role {
            Role::SearchInput => "search",
            Role::EmailInput => "email",
            Role::UrlInput => "url",
            Role::PhoneNumberInput => "tel",
            Role::PasswordInput => "password",
            _ => "text",
        };
        attrs.push(("type", kind.to_owned()));
    }
    if tag == "button" {
        attrs.push(("type", "button".to_owned()));
    }
    if let Some(r) = aria_role {
        attrs.push(("role", r.to_owned()));
    }

    // The name: a leaf's own text, or aria-label.
    let text;
    if text_box {
        if !label.is_empty() {
            attrs.push(("aria-label", label));
        }
        if let Some(placeholder) = node.placeholder() {
            attrs.push(("placeholder", placeholder.to_owned()));
        }
        text = value;
    } else if has_children || matches!(role, Role::Image | Role::Slider | Role::ProgressIndicator) {
        let name = if label.is_empty() && role != Role::Slider && role != Role::ProgressIndicator {
            value
        } else {
            label
        };
        // ARIA forbids naming an element without a role (or a paragraph); the children
        // carry the text then.
        if !name.is_empty() && aria_role.is_some_and(|r| r != "paragraph") {
            attrs.push(("aria-label", name));
        }
        text = String::new();
    } else if label.is_empty() {
        text = value;
    } else {
        text = label;
    }

    if let Some(level) = node.level()
        && role == Role::Heading
    {
        attrs.push(("aria-level", (level + 1).to_string()));
    }
    if let Some(description) = node.description() {
        attrs.push(("aria-description", description.to_owned()));
    }
    if node.is_disabled() {
        attrs.push(("aria-disabled", "true".to_owned()));
    }
    if let Some(toggled) = node.toggled() {
        let word = match toggled {
            Toggled::True => "true",
            Toggled::False => "false",
            Toggled::Mixed => "mixed",
        };
        let name = if matches!(
            role,
            Role::CheckBox
                | Role::RadioButton
                | Role::Switch
                | Role::MenuItemCheckBox
                | Role::MenuItemRadio
        ) {
            "aria-checked"
        } else {
            "aria-pressed"
        };
        attrs.push((name, word.to_owned()));
    }
    if let Some(expanded) = node.is_expanded() {
        attrs.push(("aria-expanded", expanded.to_string()));
    }
    if let Some(selected) = node.is_selected() {
        let name = if matches!(
            role,
            Role::Tab
                | Role::ListBoxOption
                | Role::Row
                | Role::Cell
                | Role::GridCell
                | Role::TreeItem
        ) {
            "aria-selected"
        } else if tag == "button" && node.toggled().is_none() {
            "aria-pressed"
        } else {
            "aria-current"
        };
        attrs.push((name, selected.to_string()));
    }
    if node.is_required() {
        attrs.push(("aria-required", "true".to_owned()));
    }
    if node.is_read_only() && text_box {
        attrs.push(("readonly", String::new()));
    }
    if let Some(live) = node.live() {
        let word = match live {
            Live::Off => "off",
            Live::Polite => "polite",
            Live::Assertive => "assertive",
        };
        attrs.push(("aria-live", word.to_owned()));
    }
    if matches!(
        role,
        Role::Slider | Role::ProgressIndicator | Role::SpinButton | Role::Meter
    ) {
        for (name, number) in [
            ("aria-valuenow", node.numeric_value()),
            ("aria-valuemin", node.min_numeric_value()),
            ("aria-valuemax", node.max_numeric_value()),
        ] {
            if let Some(number) = number {
                attrs.push((name, number.to_string()));
            }
        }
    }
    // Controls the app can focus are reached by Tab; others are not.
    if tag == "button" && !node.supports_action(Action::Focus) {
        attrs.push(("tabindex", "-1".to_owned()));
    } else if tag == "div" && node.supports_action(Action::Focus) && !nameless {
        attrs.push(("tabindex", "0".to_owned()));
    }
    // A scroll bar is the canvas's business: the page scrolls nothing, and an unnamed
    // control would only be noise to a screen reader.
    if node.is_hidden() || role == Role::ScrollBar {
        attrs.push(("hidden", String::new()));
    }
    (tag, attrs, text)
}

/// The ARIA role for an AccessKit role, where the HTML tag does not already say it.
fn aria_role(role: Role, tag: &str, named: bool) -> Option<&'static str> {
    Some(match role {
        // A disclosure triangle (egui's collapsing header) is a button that says whether
        // what it shows is expanded.
        Role::Button | Role::DefaultButton | Role::DisclosureTriangle if tag == "button" => {
            return None;
        }
        Role::Button | Role::DefaultButton | Role::DisclosureTriangle => "button",
        // Text boxes are <input> and <textarea>, which say it themselves.
        Role::CheckBox => "checkbox",
        Role::RadioButton => "radio",
        Role::RadioGroup => "radiogroup",
        Role::Switch => "switch",
        Role::Link => "link",
        Role::Heading => "heading",
        Role::Region | Role::Pane if named => "region",
        Role::Group if named => "group",
        Role::Navigation => "navigation",
        Role::Main => "main",
        Role::Banner => "banner",
        Role::ContentInfo => "contentinfo",
        Role::Complementary => "complementary",
        Role::Search => "search",
        Role::Form => "form",
        Role::Image => "img",
        Role::Status => "status",
        Role::Alert => "alert",
        Role::Dialog => "dialog",
        Role::AlertDialog => "alertdialog",
        Role::List => "list",
        Role::ListItem => "listitem",
        Role::ListBox => "listbox",
        Role::ListBoxOption => "option",
        Role::ComboBox | Role::EditableComboBox => "combobox",
        Role::Menu => "menu",
        Role::MenuBar => "menubar",
        Role::MenuItem => "menuitem",
        Role::MenuItemCheckBox => "menuitemcheckbox",
        Role::MenuItemRadio => "menuitemradio",
        Role::Tab => "tab",
        Role::TabList => "tablist",
        Role::TabPanel => "tabpanel",
        Role::Slider => "slider",
        Role::SpinButton => "spinbutton",
        Role::ProgressIndicator => "progressbar",
        Role::Meter => "meter",
        Role::ScrollBar => "scrollbar",
        Role::Table => "table",
        Role::Row => "row",
        Role::Cell => "cell",
        Role::ColumnHeader => "columnheader",
        Role::RowHeader => "rowheader",
        Role::Grid => "grid",
        Role::GridCell => "gridcell",
        Role::Tooltip => "tooltip",
        Role::Toolbar => "toolbar",
        Role::Tree => "tree",
        Role::TreeItem => "treeitem",
        Role::Paragraph => "paragraph",
        Role::Timer => "timer",
        Role::Log => "log",
        _ => return None,
    })
}

//! The marking panel keeps its controls in place from factor to factor (issue 15, item 11):
//! a factor whose name or summary wraps to more lines must not push the verdict and
//! confidence controls down, or the next click lands on the wrong one.

use crate::common::{app_harness_sized, bundled, model, open_case, press};
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_verdict_and_confidence_controls_stay_in_place_across_factors() {
    let model = model();
    let case = bundled("universal-credit");
    for (width, height) in [(1280.0, 800.0), (1024.0, 768.0)] {
        let mut harness = app_harness_sized(width, height);
        open_case(&mut harness, &case);
        let place = |harness: &egui_kittest::Harness<'static, collab_casebook::CasebookApp>| {
            ["Present", "Missing", "High confidence", "Low confidence"].map(|label| {
                let rect = harness.get_by_label(label).rect();
                (rect.min.x.round(), rect.min.y.round())
            })
        };
        let first = place(&harness);
        for index in 1..model.factors.len() {
            press(&mut harness, "Next factor");
            assert_eq!(
                place(&harness),
                first,
                "at {width} wide, factor {} ({}) moves the controls",
                index + 1,
                model.factors[index].name
            );
        }
    }
}

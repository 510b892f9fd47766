//! The model file, `assets/model.ron`, compiled into the binary.

use std::collections::BTreeSet;

use crate::domain::{Barrier, BarrierId, Factor, FactorGroup, FactorId, Model};

use super::error::{FileError, Problem, ProblemKind};
use super::ron_text;

/// The model text built into the app.
pub const BUILTIN_MODEL: &str = include_str!("../../assets/model.ron");

/// The model file as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Model", deny_unknown_fields)]
struct ModelFile {
    format: u32,
    title: String,
    about: String,
    factors: Vec<FactorFile>,
    barriers: Vec<BarrierFile>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Factor", deny_unknown_fields)]
struct FactorFile {
    id: String,
    group: FactorGroup,
    name: String,
    summary: String,
    present: Vec<String>,
    absent: Vec<String>,
    questions: Vec<String>,
    #[serde(default)]
    barriers: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Barrier", deny_unknown_fields)]
struct BarrierFile {
    id: String,
    name: String,
    summary: String,
}

/// Reads the model built into the app.
pub fn builtin_model() -> Result<Model, FileError> {
    parse_model(BUILTIN_MODEL, "assets/model.ron")
}

/// Parses and checks model text.
pub fn parse_model(text: &str, file: &str) -> Result<Model, FileError> {
    let parsed: ModelFile =
        ron_text::parse(text).map_err(|problem| FileError::single(file, problem))?;
    let mut messages = Vec::new();
    if parsed.format != 1 {
        messages.push(format!("the model format is {}, expected 1", parsed.format));
    }
    let barrier_ids: BTreeSet<&str> = parsed.barriers.iter().map(|b| b.id.as_str()).collect();
    if barrier_ids.len() != parsed.barriers.len() {
        messages.push("two barriers share an id".to_owned());
    }
    let factor_ids: BTreeSet<&str> = parsed.factors.iter().map(|f| f.id.as_str()).collect();
    if factor_ids.len() != parsed.factors.len() || parsed.factors.is_empty() {
        messages.push("factor ids must be unique and there must be at least one".to_owned());
    }
    for factor in &parsed.factors {
        let texts = [&factor.name, &factor.summary]
            .into_iter()
            .chain(&factor.present)
            .chain(&factor.absent)
            .chain(&factor.questions);
        if texts.into_iter().any(|t| t.trim().is_empty()) {
            messages.push(format!("factor \"{}\" has empty text", factor.id));
        }
        if factor.present.is_empty() || factor.absent.is_empty() || factor.questions.is_empty() {
            messages.push(format!(
                "factor \"{}\" needs signs of presence and absence and questions",
                factor.id
            ));
        }
        for barrier in &factor.barriers {
            if !barrier_ids.contains(barrier.as_str()) {
                messages.push(format!(
                    "factor \"{}\" names the unknown barrier \"{barrier}\"",
                    factor.id
                ));
            }
        }
    }
    if !messages.is_empty() {
        let problems = messages
            .into_iter()
            .map(|message| Problem::whole_file(ProblemKind::Model { message }))
            .collect();
        return Err(FileError {
            file: file.to_owned(),
            problems,
        });
    }
    Ok(Model {
        title: parsed.title,
        about: parsed.about,
        factors: parsed
            .factors
            .into_iter()
            .map(|f| Factor {
                id: FactorId::new(f.id),
                group: f.group,
                name: f.name,
                summary: f.summary,
                present_signs: f.present,
                absent_signs: f.absent,
                questions: f.questions,
                barriers: f.barriers.into_iter().map(BarrierId).collect(),
            })
            .collect(),
        barriers: parsed
            .barriers
            .into_iter()
            .map(|b| Barrier {
                id: BarrierId(b.id),
                name: b.name,
                summary: b.summary,
            })
            .collect(),
    })
}

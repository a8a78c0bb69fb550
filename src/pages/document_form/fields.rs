//! What the form's steps share: which problems are on show, the message beside a field
//! (linked to its input with `aria-invalid` and `aria-describedby`), and the number input.

use leptos::prelude::*;
use mascate_domain::document::{Field, Problem, Step};
use mascate_domain::format::{number_input, parse_number};

use crate::i18n::{use_i18n, Msg};

/// The message for a problem.
pub fn problem_msg(p: Problem) -> Msg {
    match p {
        Problem::Required => Msg::ProblemRequired,
        Problem::MustBePositive => Msg::ProblemPositive,
        Problem::NotNegative => Msg::ProblemNotNegative,
        Problem::PercentRange => Msg::ProblemPercent,
        Problem::DateInPast => Msg::ProblemPast,
        Problem::BadDate => Msg::ProblemDate,
        Problem::NoItems => Msg::ProblemNoItems,
        Problem::TooLong => Msg::ProblemTooLong,
        Problem::BadChars => Msg::ProblemControlChars,
    }
}

/// The draft's problems and which of them the rep has been shown: a step's once
/// "Continuar" was pressed on it, every step's once sending was tried. Shown problems
/// follow the draft as it is fixed.
#[derive(Clone, Copy)]
pub struct Problems {
    pub all: Memo<Vec<(Field, Problem)>>,
    pub shown: RwSignal<Vec<Step>>,
}

impl Problems {
    /// The problem on show for `field`, if any.
    pub fn of(self, field: Field) -> Signal<Option<Problem>> {
        Signal::derive(move || {
            if !self.shown.with(|s| s.contains(&field.step())) {
                return None;
            }
            self.all.with(|ps| ps.iter().find(|(f, _)| *f == field).map(|(_, p)| *p))
        })
    }

    /// Puts a step's problems on show.
    pub fn show(self, step: Step) {
        if !self.shown.with_untracked(|s| s.contains(&step)) {
            self.shown.update(|s| s.push(step));
        }
    }

    /// Whether any problem is on show.
    pub fn any_shown(self) -> bool {
        self.all.with(|ps| self.shown.with(|s| ps.iter().any(|(f, _)| s.contains(&f.step()))))
    }
}

/// A message under a field when it has a problem; `id` is what the field's
/// `aria-describedby` names.
#[component]
pub fn FieldProblem(
    problem: Signal<Option<Problem>>,
    #[prop(into)] testid: String,
    #[prop(into)] id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="field-error" id=id data-testid=testid role=move || problem.get().map(|_| "alert")>
            {move || problem.get().map(|p| i18n.t(problem_msg(p)))}
        </p>
    }
}

/// A number input bound to one draft field: the draft (and so the totals) follows every
/// keystroke, the box keeps what was typed, and it shows a new value when one is derived
/// elsewhere (a discount changes the unit price). Marked invalid with its problem.
#[component]
pub fn NumberInput(
    value: Signal<f64>,
    on_change: impl Fn(f64) + Copy + Send + Sync + 'static,
    #[prop(into)] testid: String,
    #[prop(into, optional)] id: String,
    /// The problem shown beside it, and that message's element id.
    #[prop(optional)]
    problem: Option<(Signal<Option<Problem>>, String)>,
    /// An accessible name when no `<label>` wraps it.
    #[prop(into, optional)]
    label: Option<Signal<String>>,
    /// Extra classes (`qty`, `price`, `pct`: the box's width in a table).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(number_input(value.get_untracked(), i18n.locale.get_untracked()));
    Effect::new(move |_| {
        let v = value.get();
        let typed = text.with_untracked(|t| parse_number(t));
        // Not what the box already says (and not the NaN of a half-typed number): show it.
        if !v.is_nan() && typed.is_none_or(|t| (t - v).abs() > 1e-9) {
            text.set(number_input(v, i18n.locale.get_untracked()));
        }
    });
    let (invalid, described) = match problem {
        Some((p, error_id)) => (Signal::derive(move || p.get().is_some()), Some(error_id)),
        None => (Signal::derive(|| false), None),
    };
    view! {
        <input
            id=(!id.is_empty()).then_some(id)
            class=(!class.is_empty()).then_some(class)
            inputmode="decimal"
            data-testid=testid
            aria-label=move || label.map(|l| l.get())
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=described
            prop:value=text
            on:input=move |ev| {
                let raw = event_target_value(&ev);
                text.set(raw.clone());
                on_change(parse_number(&raw).unwrap_or(f64::NAN));
            }
        />
    }
}

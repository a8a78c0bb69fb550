//! Step 2: price list, payment, carrier, freight, operation, charges, discount, notes.

use leptos::prelude::*;
use mascate_domain::contract::{Carrier, OperationType, PaymentCondition, PriceList};
use mascate_domain::document::{Draft, Field};

use super::fields::{FieldProblem, NumberInput, Problems};
use crate::device::catalog::Catalog;
use crate::i18n::{use_i18n, Msg};

/// Everything the terms step offers.
#[derive(Clone, Default, PartialEq)]
pub struct Choices {
    pub price_lists: Vec<PriceList>,
    pub payment_conditions: Vec<PaymentCondition>,
    pub carriers: Vec<Carrier>,
    pub operation_types: Vec<OperationType>,
}

impl Choices {
    /// Today's choices from the catalog: price lists valid today, and the payment conditions
    /// and carriers not blocked.
    pub async fn load(catalog: Catalog) -> Choices {
        let today = crate::erp_clock::today();
        let (lists, conditions, carriers, operations) = (
            catalog.price_lists().await,
            catalog.payment_conditions().await,
            catalog.carriers().await,
            catalog.operation_types().await,
        );
        Choices {
            price_lists: lists.unwrap_or_default().into_iter().filter(|l| l.is_valid_on(&today)).collect(),
            payment_conditions: conditions.unwrap_or_default().into_iter().filter(|c| c.status != "1").collect(),
            carriers: carriers.unwrap_or_default().into_iter().filter(|c| c.status != "1").collect(),
            operation_types: operations.unwrap_or_default(),
        }
    }
}

/// The terms step.
#[component]
pub fn TermsStep(draft: RwSignal<Draft>, choices: LocalResource<Choices>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let select = move |label: Msg,
                       testid: &'static str,
                       get: fn(&Draft) -> String,
                       set: fn(&mut Draft, String),
                       options: Signal<Vec<(String, String)>>,
                       field: Option<Field>| {
        let error_id = format!("problem-{testid}");
        let invalid = move || field.is_some_and(|f| problems.of(f).get().is_some());
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <select data-testid=testid prop:value=move || draft.with(get)
                    on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=move || invalid().to_string() aria-describedby=field.map(|_| error_id.clone())>
                    <option value="">"—"</option>
                    {move || {
                        options
                            .get()
                            .into_iter()
                            .map(|(v, t)| {
                                let selected = draft.with_untracked(get) == v;
                                view! { <option value=v.clone() selected=selected>{format!("{v} — {t}")}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                {field.map(|f| view! { <FieldProblem problem=problems.of(f) testid=format!("problem-{testid}") id=format!("problem-{testid}") /> })}
            </label>
        }
    };
    let c = move || choices.get().unwrap_or_default();
    let lists = Signal::derive(move || c().price_lists.into_iter().map(|l| (l.code, l.description)).collect());
    let payments =
        Signal::derive(move || c().payment_conditions.into_iter().map(|p| (p.code, p.description)).collect());
    let carriers = Signal::derive(move || c().carriers.into_iter().map(|k| (k.code, k.name)).collect());
    let operations = Signal::derive(move || c().operation_types.into_iter().map(|o| (o.id, o.description)).collect());
    let freight_types = Signal::derive(move || {
        vec![
            ("C".to_string(), i18n.t(Msg::FreightCif).to_string()),
            ("F".to_string(), i18n.t(Msg::FreightFob).to_string()),
            ("S".to_string(), i18n.t(Msg::FreightNone).to_string()),
        ]
    });
    let money_field = move |label: Msg,
                            testid: &'static str,
                            get: fn(&Draft) -> f64,
                            set: fn(&mut Draft, f64),
                            field: Field| {
        let error_id = format!("problem-{testid}");
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <NumberInput value=Signal::derive(move || draft.with(get)) on_change=move |v| draft.update(|d| set(d, v))
                    testid=testid problem=(problems.of(field), error_id.clone()) />
                <FieldProblem problem=problems.of(field) testid=error_id.clone() id=error_id />
            </label>
        }
    };
    let notes_problem = problems.of(Field::Notes);
    view! {
        <div class="card step-body grid-2" data-testid="step-terms">
            <h2 class="step-title span-2" tabindex="-1" data-testid="step-heading">{move || i18n.t(Msg::StepTerms)}</h2>
            {select(Msg::PriceList, "terms-price-list", |d| d.price_list.clone(), |d, v| d.price_list = v, lists, Some(Field::PriceList))}
            {select(Msg::PaymentCondition, "terms-payment", |d| d.payment_condition.clone(), |d, v| d.payment_condition = v, payments, Some(Field::PaymentCondition))}
            {select(Msg::Carrier, "terms-carrier", |d| d.carrier.clone(), |d, v| d.carrier = v, carriers, None)}
            {select(Msg::FreightType, "terms-freight-type", |d| d.freight_type.clone(), |d, v| d.freight_type = v, freight_types, None)}
            {select(Msg::OperationType, "terms-operation", |d| d.operation_type.clone(), |d, v| d.operation_type = v, operations, None)}
            {money_field(Msg::Freight, "terms-freight", |d| d.freight, |d, v| d.freight = v, Field::Freight)}
            {money_field(Msg::Insurance, "terms-insurance", |d| d.insurance, |d, v| d.insurance = v, Field::Insurance)}
            {money_field(Msg::Expenses, "terms-expenses", |d| d.expenses, |d, v| d.expenses = v, Field::Expenses)}
            {money_field(Msg::HeaderDiscount, "terms-discount", |d| d.discount_pct, |d, v| d.discount_pct = v, Field::Discount)}
            <label class="span-2">
                <span class="label">{move || i18n.t(Msg::Notes)}</span>
                <textarea data-testid="terms-notes" prop:value=move || draft.with(|d| d.notes.clone())
                    aria-invalid=move || notes_problem.get().is_some().then_some("true") aria-describedby="terms-notes-problem"
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
            </label>
            <FieldProblem problem=notes_problem testid="problem-terms-notes" id="terms-notes-problem" />
        </div>
    }
}

//! Writing a quotation or an order, step by step: customer (or prospect), terms, items,
//! review. "Continuar" checks its step and shows what is wrong beside each field; sending
//! checks everything again. Totals follow every keystroke; taxes come from the ERP when
//! online. Sending is the sync engine's [`SyncEngine::submit`](crate::device::sync::SyncEngine::submit):
//! the draft is saved on the device first, then handed to the ERP's queue under its own
//! external id, so a retry can never make a second document.
//!
//! One file per step under `document_form/`; the rules (what each step requires, choosing a
//! customer or prospect, whose prices apply, the ERP → draft mapping) live in
//! `mascate_domain::document`.
//!
//! Opened from a customer's page (`?customer=…&store=…`) the customer is already chosen and
//! the form starts at the terms.

mod customer_step;
mod fields;
mod items_step;
mod last_purchases;
mod prospect_form;
mod review_step;
mod terms_step;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use mascate_domain::document::{first_step_with_problem, validate, validate_step, DocumentKind, Draft, Step};

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::connectivity::use_connectivity;
use crate::device::sync::{new_external_id, SubmitError};
use crate::i18n::{use_i18n, Msg};
use customer_step::CustomerStep;
use fields::Problems;
use items_step::ItemsStep;
use review_step::ReviewStep;
use terms_step::{Choices, TermsStep};

pub use fields::problem_msg;

/// Where the form's draft comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormSource {
    /// A new document.
    New,
    /// An ERP document (`:number`), to change.
    Erp,
    /// A document on this device (`:external_id`), to fix and send again.
    Device,
    /// A new document repeating an order (`:number`) at today's prices.
    Repeat,
}

/// Moves keyboard and screen-reader focus to the step's heading (or the first field with a
/// problem), once the step has rendered.
fn focus_later(selector: &'static str) {
    request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
}

/// The form page.
#[component]
pub fn DocumentFormPage(kind: DocumentKind, source: FormSource) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let catalog = crate::device::catalog::use_catalog();
    let connectivity = use_connectivity();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let sync = crate::device::sync::use_sync();

    let draft = RwSignal::new(Draft::new(kind, new_external_id()));
    let step = RwSignal::new(Step::Customer);
    let customer_name = RwSignal::new(String::new());
    let customer_type = RwSignal::new(String::new());
    let load_error = RwSignal::new(None::<ApiError>);
    // Repeating: the order repeated, its products with no price today, and whether item
    // discounts were kept.
    let repeated = RwSignal::new(None::<(String, Vec<String>, bool)>);

    // Fill the draft from its source once.
    leptos::task::spawn_local(async move {
        let key = params.get_untracked().get(if source == FormSource::Device { "external_id" } else { "number" });
        match (source, key) {
            (FormSource::Erp, Some(number)) => match api.erp_document(kind, &number, new_external_id).await {
                Ok((d, _)) => {
                    draft.set(d);
                    step.set(Step::Items);
                }
                Err(e) => load_error.set(Some(e)),
            },
            (FormSource::Device, Some(ext)) => {
                if let Some(entry) = sync.entry(&ext).await {
                    draft.set(entry.draft);
                    step.set(Step::Items);
                }
            }
            (FormSource::Repeat, Some(number)) => {
                let source = match api.erp_document(kind, &number, new_external_id).await {
                    Ok((d, _)) => Some(d),
                    Err(_) => sync.entry_by_number(kind, &number).await.map(|e| e.draft),
                };
                match source {
                    Some(old) => {
                        let mut d = old.repeat(new_external_id(), &crate::erp_clock::today());
                        let missing = d.reprice(&catalog.current_prices(&d).await);
                        let kept = d.has_item_discounts();
                        draft.set(d);
                        repeated.set(Some((number, missing, kept)));
                        step.set(Step::Items);
                    }
                    None => load_error.set(Some(ApiError::Unreachable)),
                }
            }
            _ => {
                draft.update(|d| d.issue_date = crate::erp_clock::today());
                // From a customer's page: that customer is already chosen.
                let q = query.get_untracked();
                if let (Some(code), Some(store)) = (q.get("customer"), q.get("store")) {
                    if let Ok(c) = catalog.customer(&code, &store).await {
                        if !c.is_blocked() {
                            draft.update(|d| d.choose_customer(&c));
                            step.set(Step::Terms);
                        }
                    }
                }
            }
        }
        // Name and type of the customer, for the header and the taxes.
        // The form may have been left while its source was on the way (its signals are gone).
        let Some((code, store)) = draft.try_with_untracked(|d| (d.customer_code.clone(), d.customer_store.clone()))
        else {
            return;
        };
        if !code.is_empty() {
            if let Ok(c) = catalog.customer(&code, &store).await {
                customer_name.set(c.name);
                customer_type.set(c.customer_type);
            }
        }
    });

    let choices = LocalResource::new(move || async move {
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
    });

    let problems = Problems {
        all: Memo::new(move |_| draft.with(|d| validate(d, &crate::erp_clock::today()))),
        shown: RwSignal::new(Vec::new()),
    };
    let totals = Memo::new(move |_| draft.with(Draft::totals));
    let taxes = Action::new_local(move |_: &()| {
        let (d, customer) = (draft.get_untracked(), customer_type.get_untracked());
        async move { api.taxes(&d, &customer).await }
    });
    // A change makes the last tax figures stale.
    Effect::watch(move || draft.track(), move |_, _, _| taxes.clear(), false);

    // Going forward checks every step on the way: the first with a problem is where the
    // form stops, with its problems beside their fields.
    let go_to = move |target: Step| {
        let today = crate::erp_clock::today();
        let stop = Step::ALL.into_iter().filter(|s| *s < target).find(|s| {
            let bad = draft.with_untracked(|d| !validate_step(d, *s, &today).is_empty());
            if bad {
                problems.show(*s);
            }
            bad
        });
        let to = stop.unwrap_or(target);
        step.set(to);
        focus_later(if stop.is_some() { "[aria-invalid=true]" } else { ".step-title" });
    };

    let send = Action::new_local(move |d: &Draft| {
        let (d, navigate) = (d.clone(), navigate.clone());
        // Kept with the device's copy, so the device's documents list by name.
        let name = customer_name.get_untracked();
        async move {
            let ext = sync.submit(d, name).await?;
            // The sent page shows how it goes; offline it simply waits on the device.
            navigate(&format!("/sent/{ext}"), Default::default());
            Ok::<(), SubmitError>(())
        }
    });
    let try_send = move || {
        if send.pending().get_untracked() {
            return;
        }
        for s in Step::ALL {
            problems.show(s);
        }
        if let Some(first) = first_step_with_problem(&problems.all.get_untracked()) {
            step.set(first);
            focus_later("[aria-invalid=true]");
            return;
        }
        send.dispatch_local(draft.get_untracked());
    };
    let send_error = move || match send.value().get() {
        Some(Err(SubmitError::Storage(e))) => Some(ApiError::Malformed(if e.is_quota() {
            // Nothing was saved: say so plainly; the draft stays on screen.
            i18n.t(Msg::StorageFull).to_string()
        } else {
            e.to_string()
        })),
        Some(Err(SubmitError::SignedOut)) => Some(ApiError::SignedOut),
        _ => None,
    };

    // The kind the draft says (a device draft may be either, whatever the route).
    let doc_kind = Signal::derive(move || draft.with(|d| d.kind));
    let title = move || {
        let (new, edit) = match doc_kind.get() {
            DocumentKind::Order => (Msg::NewOrder, Msg::Order),
            DocumentKind::Quotation => (Msg::NewQuotation, Msg::Quotation),
        };
        draft.with(|d| {
            if d.is_known_to_erp() {
                format!("{} {} — {}", i18n.t(edit), d.erp_number, i18n.t(Msg::Edit))
            } else {
                i18n.t(new).to_string()
            }
        })
    };
    let online = Signal::derive(move || connectivity.online());

    view! {
        <section class="page document-form" data-testid="document-form">
            <h1 data-testid="form-title">{title}</h1>
            {move || load_error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            {move || repeated.get().map(|(number, missing, kept)| view! {
                <p class="notice" role="status" data-testid="repeated-from">{i18n.t_n(Msg::RepeatedFrom, &number)}</p>
                {kept.then(|| view! {
                    <p class="notice" data-testid="repeat-kept-discounts">{i18n.t_n(Msg::RepeatKeptDiscounts, &number)}</p>
                })}
                {(!missing.is_empty()).then(|| view! {
                    <p class="notice warn" data-testid="repeat-missing">{i18n.t(Msg::NotSoldAnymore)}{missing.join(", ")}</p>
                })}
            })}
            <ol class="steps" data-testid="form-steps">
                {[(Step::Customer, Msg::StepCustomer), (Step::Terms, Msg::StepTerms), (Step::Items, Msg::StepItems), (Step::Review, Msg::StepReview)]
                    .into_iter()
                    .map(|(s, msg)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="step"
                                    data-testid=format!("step-{}", s.number())
                                    aria-current=move || (step.get() == s).then_some("step")
                                    on:click=move |_| go_to(s)
                                >
                                    {move || i18n.t(msg)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <Show when=move || problems.any_shown()>
                <p class="error" role="alert" data-testid="form-problems">{move || i18n.t(Msg::FixErrors)}</p>
            </Show>
            {move || match step.get() {
                Step::Customer => view! { <CustomerStep kind=doc_kind draft customer_name customer_type problems /> }.into_any(),
                Step::Terms => view! { <TermsStep draft choices problems /> }.into_any(),
                Step::Items => view! { <ItemsStep draft problems online /> }.into_any(),
                Step::Review => view! { <ReviewStep draft totals=totals.into() taxes online customer_name /> }.into_any(),
            }}
            {move || send_error().map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="form-actions">
                <button class="button" type="button" data-testid="form-back" disabled=move || step.get() == Step::Customer
                    on:click=move |_| go_to(step.get_untracked().previous())>
                    {move || i18n.t(Msg::Back2)}
                </button>
                <Show
                    when=move || step.get() != Step::Review
                    fallback=move || view! {
                        <button class="button primary" type="button" data-testid="form-send" disabled=move || send.pending().get()
                            on:click=move |_| try_send()>
                            {move || i18n.t(if send.pending().get() { Msg::Sending } else { Msg::Send })}
                        </button>
                    }
                >
                    <button class="button primary" type="button" data-testid="form-continue"
                        on:click=move |_| {
                            let current = step.get_untracked();
                            problems.show(current);
                            go_to(current.next());
                        }>
                        {move || i18n.t(Msg::Continue)}
                    </button>
                </Show>
            </div>
        </section>
    }
}

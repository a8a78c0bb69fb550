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
mod source;
mod terms_step;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use mascate_domain::document::{first_step_with_problem, validate, validate_step, DocumentKind, Draft, Step};

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::connectivity::use_connectivity;
use crate::device::sync::SubmitError;
use crate::i18n::{use_i18n, I18n, Msg};
use customer_step::CustomerStep;
use fields::Problems;
use items_step::ItemsStep;
use review_step::ReviewStep;
use source::{load_source, Form, Repeated};
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
    let navigate = use_navigate();
    let sync = crate::device::sync::use_sync();

    let form = Form::new(kind);
    let Form { draft, step, customer_name, customer_type, load_error, repeated } = form;
    load_source(kind, source, form);

    let choices = LocalResource::new(move || Choices::load(catalog));

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
    let send_error = move || {
        send.value().with(|r| match r {
            Some(Err(e)) => Some(send_problem(i18n, e)),
            _ => None,
        })
    };

    // The kind the draft says (a device draft may be either, whatever the route).
    let doc_kind = Signal::derive(move || draft.with(|d| d.kind));
    let online = Signal::derive(move || connectivity.online());

    view! {
        <section class="page document-form" data-testid="document-form">
            <h1 data-testid="form-title">{move || draft.with(|d| title(i18n, d))}</h1>
            {move || load_error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            {move || repeated.get().map(|repeated| view! { <RepeatedNotice repeated /> })}
            <StepsNav step go_to />
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
            <FormActions step problems go_to sending=send.pending() send=try_send />
        </section>
    }
}

/// The form's title: "Novo pedido", or the ERP document being changed ("Pedido 000123 —
/// Editar"). The kind is the draft's (a device draft may be either, whatever the route).
fn title(i18n: I18n, d: &Draft) -> String {
    let (new, edit) = match d.kind {
        DocumentKind::Order => (Msg::NewOrder, Msg::Order),
        DocumentKind::Quotation => (Msg::NewQuotation, Msg::Quotation),
    };
    if d.is_known_to_erp() {
        format!("{} {} — {}", i18n.t(edit), d.erp_number, i18n.t(Msg::Edit))
    } else {
        i18n.t(new).to_string()
    }
}

/// What a failed send says, as an error box shows it.
fn send_problem(i18n: I18n, e: &SubmitError) -> ApiError {
    match e {
        SubmitError::Storage(e) => ApiError::Malformed(if e.is_quota() {
            // Nothing was saved: say so plainly; the draft stays on screen.
            i18n.t(Msg::StorageFull).to_string()
        } else {
            e.to_string()
        }),
        SubmitError::SignedOut => ApiError::SignedOut,
    }
}

/// What a repeat says above the form: the order repeated, that its item discounts were kept,
/// and the products no longer sold.
#[component]
fn RepeatedNotice(
    /// The order repeated, its products with no price today, whether discounts were kept.
    repeated: Repeated,
) -> impl IntoView {
    let i18n = use_i18n();
    let (number, missing, kept) = repeated;
    view! {
        <p class="notice" role="status" data-testid="repeated-from">{i18n.t_n(Msg::RepeatedFrom, &number)}</p>
        {kept.then(|| view! {
            <p class="notice" data-testid="repeat-kept-discounts">{i18n.t_n(Msg::RepeatKeptDiscounts, &number)}</p>
        })}
        {(!missing.is_empty()).then(|| view! {
            <p class="notice warn" data-testid="repeat-missing">{i18n.t(Msg::NotSoldAnymore)}{missing.join(", ")}</p>
        })}
    }
}

/// The steps, each a button to go to it (checking those before it).
#[component]
fn StepsNav(
    /// The step on show (`aria-current`).
    step: RwSignal<Step>,
    /// Goes to a step.
    go_to: impl Fn(Step) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
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
    }
}

/// Back, and Continue (which shows the step's problems) or, on the review, Send.
#[component]
fn FormActions(
    /// The step on show.
    step: RwSignal<Step>,
    /// The problems, to show the step's when leaving it.
    problems: Problems,
    /// Goes to a step.
    go_to: impl Fn(Step) + Copy + Send + Sync + 'static,
    /// Whether the draft is on its way (Send is disabled meanwhile).
    #[prop(into)]
    sending: Signal<bool>,
    /// Checks every step and sends.
    send: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-actions">
            <button class="button" type="button" data-testid="form-back" disabled=move || step.get() == Step::Customer
                on:click=move |_| go_to(step.get_untracked().previous())>
                {move || i18n.t(Msg::Back2)}
            </button>
            <Show
                when=move || step.get() != Step::Review
                fallback=move || view! {
                    <button class="button primary" type="button" data-testid="form-send" disabled=move || sending.get()
                        on:click=move |_| send()>
                        {move || i18n.t(if sending.get() { Msg::Sending } else { Msg::Send })}
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
    }
}

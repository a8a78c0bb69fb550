//! Writing a quotation or an order, step by step: customer (or prospect), terms, items,
//! review. Totals follow every keystroke; taxes come from the ERP when online. Sending saves
//! the draft on the device first, then hands it to the ERP's integration queue under the
//! draft's own external id, so a retry can never make a second document.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use mascate_domain::contract::{
    Carrier, Customer, OperationType, Order, PaymentCondition, PriceList, Product, Prospect, Quotation, Taxes,
};
use mascate_domain::customer_query::CustomerQuery;
use mascate_domain::document::{validate, DocumentKind, Draft, DraftItem, Field, Problem};
use mascate_domain::format::{self, number_input, parse_number};
use mascate_domain::outbox::OutboxEntry;
use mascate_domain::party;

use crate::api::catalog::ProductQuery;
use crate::api::{now_ms, use_api, Api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::date_input::DateInput;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::offline::device_today;
use crate::session::use_session;
use crate::storage;

/// Where the form's draft comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormSource {
    /// A new document.
    New,
    /// An ERP document (`:number`), to change.
    Erp,
    /// A document on this device (`:external_id`), to fix and send again.
    Device,
}

fn new_external_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("mascate-{}", now_ms() as u64))
}

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
    }
}

/// The step a field is on (1 customer, 2 terms, 3 items).
fn step_of(field: Field) -> u8 {
    match field {
        Field::Customer => 1,
        Field::PriceList
        | Field::PaymentCondition
        | Field::Freight
        | Field::Insurance
        | Field::Expenses
        | Field::Discount => 2,
        _ => 3,
    }
}

/// An ERP document's header, as read.
pub enum ErpHeader {
    Order(Order),
    Quotation(Quotation),
}

/// Loads the draft an ERP document makes (its lines included).
pub async fn draft_of_erp(api: Api, kind: DocumentKind, number: String) -> Result<Draft, ApiError> {
    Ok(load_erp_document(api, kind, number).await?.0)
}

/// Reads an ERP document once: the draft it makes (lines included) and its header.
pub async fn load_erp_document(api: Api, kind: DocumentKind, number: String) -> Result<(Draft, ErpHeader), ApiError> {
    let (mut d, header) = match kind {
        DocumentKind::Order => {
            let o = api.order(&number).await?;
            let mut d =
                Draft::new(kind, if o.external_id.is_empty() { new_external_id() } else { o.external_id.clone() });
            (d.customer_code, d.customer_store, d.price_list, d.payment_condition) =
                (o.customer_code.clone(), o.customer_store.clone(), o.price_list.clone(), o.payment_condition.clone());
            (d.carrier, d.freight_type, d.freight, d.insurance, d.expenses, d.discount_pct) =
                (o.carrier.clone(), o.freight_type.clone(), o.freight, o.insurance, o.expenses, o.discount);
            (d.notes, d.issue_date, d.operation_type) =
                (o.notes.clone(), o.issue_date.clone(), o.operation_type.clone());
            (d, ErpHeader::Order(o))
        }
        DocumentKind::Quotation => {
            let q = api.quotation(&number).await?;
            let mut d =
                Draft::new(kind, if q.external_id.is_empty() { new_external_id() } else { q.external_id.clone() });
            (d.customer_code, d.customer_store, d.prospect_code, d.prospect_store) =
                (q.customer_code.clone(), q.customer_store.clone(), q.prospect_code.clone(), q.prospect_store.clone());
            (d.price_list, d.payment_condition, d.freight_type) =
                (q.price_list.clone(), q.payment_condition.clone(), q.freight_type.clone());
            (d.freight, d.insurance, d.expenses, d.discount_pct, d.issue_date) =
                (q.freight, q.insurance, q.expenses, q.discount, q.issue_date.clone());
            (d, ErpHeader::Quotation(q))
        }
    };
    d.erp_number = number.clone();
    let items = match kind {
        DocumentKind::Order => api.order_items(&number).await?,
        DocumentKind::Quotation => api.quotation_items(&number).await?,
    };
    d.items = items
        .into_iter()
        .map(|i| DraftItem {
            item_id: i.item_id,
            product: i.product,
            description: i.description,
            quantity: i.quantity,
            list_price: i.list_price,
            unit_price: i.unit_price,
            discount_pct: i.discount,
            delivery_date: i.delivery_date,
            customer_order: i.customer_order,
            ..Default::default()
        })
        .collect();
    Ok((d, header))
}

/// Everything the terms step offers.
#[derive(Clone, Default, PartialEq)]
struct Choices {
    price_lists: Vec<PriceList>,
    payment_conditions: Vec<PaymentCondition>,
    carriers: Vec<Carrier>,
    operation_types: Vec<OperationType>,
}

/// The four steps and their titles.
const STEPS: [(u8, Msg); 4] = [(1, Msg::StepCustomer), (2, Msg::StepTerms), (3, Msg::StepItems), (4, Msg::StepReview)];

/// The form page.
#[component]
pub fn DocumentFormPage(kind: DocumentKind, source: FormSource) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let catalog = crate::catalog::use_catalog();
    let connectivity = use_connectivity();
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let navigate = use_navigate();
    let seller = use_session().current.get_untracked().map(|s| s.seller_code).unwrap_or_default();
    let sync = crate::sync::use_sync();

    let draft = RwSignal::new(Draft::new(kind, new_external_id()));
    let step = RwSignal::new(1u8);
    let customer_name = RwSignal::new(String::new());
    let customer_type = RwSignal::new(String::new());
    let load_error = RwSignal::new(None::<ApiError>);
    let shown_problems = RwSignal::new(false);
    let taxes = RwSignal::new(None::<Result<Taxes, ApiError>>);
    let sending = RwSignal::new(false);
    let send_error = RwSignal::new(None::<ApiError>);

    // Fill the draft from its source once.
    {
        let seller = seller.clone();
        leptos::task::spawn_local(async move {
            let key = params.get_untracked().get(if source == FormSource::Device { "external_id" } else { "number" });
            match (source, key) {
                (FormSource::Erp, Some(number)) => match draft_of_erp(api, kind, number).await {
                    Ok(d) => {
                        draft.set(d);
                        step.set(3);
                    }
                    Err(e) => load_error.set(Some(e)),
                },
                (FormSource::Device, Some(ext)) => {
                    if let Ok(db) = storage::for_seller(&seller).await {
                        if let Ok(Some(entry)) = db.outbox_entry(&ext).await {
                            draft.set(entry.draft);
                            step.set(3);
                        }
                    }
                }
                _ => {
                    draft.update(|d| d.issue_date = device_today());
                    // From a customer's page: that customer is already chosen.
                    let q = query.get_untracked();
                    if let (Some(code), Some(store)) = (q.get("customer"), q.get("store")) {
                        if let Ok(c) = catalog.customer(&code, &store).await {
                            if !c.is_blocked() {
                                draft.update(|d| party::choose_customer(d, &c));
                                step.set(2);
                            }
                        }
                    }
                }
            }
            // Name and type of the customer, for the header and the taxes.
            let (code, store) = draft.with_untracked(|d| (d.customer_code.clone(), d.customer_store.clone()));
            if !code.is_empty() {
                if let Ok(c) = catalog.customer(&code, &store).await {
                    customer_name.set(c.name);
                    customer_type.set(c.customer_type);
                }
            }
        });
    }

    let choices = LocalResource::new(move || async move {
        let today = device_today();
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

    let problems = Memo::new(move |_| draft.with(|d| validate(d, &device_today())));
    let problem = move |field: Field| {
        Signal::derive(move || {
            shown_problems
                .get()
                .then(|| problems.with(|ps| ps.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)))
                .flatten()
        })
    };
    let totals = Memo::new(move |_| draft.with(Draft::totals));
    // A change makes the last tax figures stale.
    Effect::watch(move || draft.track(), move |_, _, _| taxes.set(None), false);

    // Each new step is announced by moving focus to its heading (not on the first one).
    let step_heading = NodeRef::<leptos::html::H2>::new();
    Effect::watch(
        move || step.get(),
        move |_, _, _| {
            if let Some(h) = step_heading.get() {
                let _ = h.focus();
            }
        },
        false,
    );

    let send = move || {
        shown_problems.set(true);
        if let Some((field, _)) = problems.get_untracked().first() {
            step.set(step_of(*field));
            return;
        }
        sending.set(true);
        send_error.set(None);
        let seller = seller.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let d = draft.get_untracked();
            let db = match storage::for_seller(&seller).await {
                Ok(db) => db,
                Err(e) => {
                    send_error.set(Some(e.into()));
                    sending.set(false);
                    return;
                }
            };
            // Saved on the device before anything else: from here on nothing is lost.
            let mut entry = match db.outbox_entry(&d.external_id).await {
                Ok(Some(mut existing)) => {
                    existing.edited(d.clone(), now_ms());
                    existing
                }
                _ => OutboxEntry::new(&seller, d.clone(), now_ms()),
            };
            entry.written_offline |= !connectivity.online_untracked();
            entry.customer_name = customer_name.get_untracked();
            if let Err(e) = db.put_outbox(&entry).await {
                // Nothing was saved: say so plainly; the draft stays on screen.
                let text = if e.is_quota() { i18n.t(Msg::StorageFull).to_string() } else { e.to_string() };
                send_error.set(Some(ApiError::Malformed(text)));
                sending.set(false);
                return;
            }
            // The engine sends it (now, if online) and follows it; the sent page shows how
            // it goes. Offline it simply waits on the device.
            sync.run().await;
            sending.set(false);
            navigate(&format!("/sent/{}", d.external_id), Default::default());
        });
    };

    let calculate_taxes = move || {
        let d = draft.get_untracked();
        let kind_of_customer = customer_type.get_untracked();
        leptos::task::spawn_local(async move {
            taxes.set(Some(api.taxes(&d, &kind_of_customer).await));
        });
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

    view! {
        <section class="page document-form" data-testid="document-form">
            <h1 data-testid="form-title">{title}</h1>
            {move || load_error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            <ol class="steps" data-testid="form-steps">
                {STEPS
                    .into_iter()
                    .map(|(n, msg)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="step"
                                    data-testid=format!("step-{n}")
                                    aria-current=move || (step.get() == n).then_some("step")
                                    on:click=move |_| step.set(n)
                                >
                                    {move || i18n.t(msg)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <Show when=move || shown_problems.get() && !problems.with(Vec::is_empty)>
                <p class="error" role="alert" data-testid="form-problems">{move || i18n.t(Msg::FixErrors)}</p>
            </Show>
            <h2 class="step-heading" tabindex="-1" node_ref=step_heading data-testid="step-heading">
                {move || i18n.t(STEPS[usize::from(step.get().clamp(1, 4)) - 1].1)}
            </h2>
            {move || match step.get() {
                1 => view! { <CustomerStep kind=doc_kind draft customer_name customer_type problem=problem(Field::Customer) /> }.into_any(),
                2 => view! { <TermsStep draft choices problem /> }.into_any(),
                3 => view! { <ItemsStep draft problem online=Signal::derive(move || connectivity.online()) /> }.into_any(),
                _ => {
                    view! {
                        <ReviewStep
                            draft
                            totals=totals.into()
                            taxes
                            online=Signal::derive(move || connectivity.online())
                            on_taxes=calculate_taxes
                            customer_name
                        />
                    }
                        .into_any()
                }
            }}
            {move || send_error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="form-actions">
                <button class="button" type="button" data-testid="form-back" disabled=move || step.get() <= 1
                    on:click=move |_| step.update(|s| *s = s.saturating_sub(1).max(1))>
                    {move || i18n.t(Msg::Back2)}
                </button>
                <Show
                    when=move || step.get() < 4
                    fallback=move || {
                        let send = send.clone();
                        view! {
                            <button class="button primary" type="button" data-testid="form-send" disabled=move || sending.get()
                                on:click=move |_| send()>
                                {move || i18n.t(if sending.get() { Msg::Sending } else { Msg::Send })}
                            </button>
                        }
                    }
                >
                    <button class="button primary" type="button" data-testid="form-continue" on:click=move |_| step.update(|s| *s += 1)>
                        {move || i18n.t(Msg::Continue)}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// A message under a field when it has a problem; its `id` is what the field's
/// `aria-describedby` points at (the test id, plus the line for an item's field).
#[component]
fn FieldProblem(
    problem: Signal<Option<Problem>>,
    #[prop(into)] testid: String,
    #[prop(optional)] line: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = problem_id(&testid, line);
    view! { <p class="field-error" id=id data-testid=testid>{move || problem.get().map(|p| i18n.t(problem_msg(p)))}</p> }
}

/// The element id of a field's problem message.
fn problem_id(testid: &str, line: Option<usize>) -> String {
    match line {
        Some(n) => format!("{testid}-{n}"),
        None => testid.to_string(),
    }
}

/// Step 1: the customer (or, for a quotation, a prospect).
#[component]
fn CustomerStep(
    kind: Signal<DocumentKind>,
    draft: RwSignal<Draft>,
    customer_name: RwSignal<String>,
    customer_type: RwSignal<String>,
    problem: Signal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::catalog::use_catalog();
    let search = RwSignal::new(String::new());
    let found = LocalResource::new(move || {
        let q = CustomerQuery { search: search.get(), ..Default::default() };
        async move {
            if q.search.trim().len() < 2 {
                Ok(Vec::new())
            } else {
                catalog.customers(&q, 1, 12).await.map(|l| l.items)
            }
        }
    });
    let prospects = LocalResource::new(move || {
        let s = search.get();
        async move {
            if kind.get_untracked() == DocumentKind::Quotation && s.trim().len() >= 2 {
                catalog.prospects(&s).await.unwrap_or_default()
            } else {
                Vec::new()
            }
        }
    });
    let choose = move |c: Customer| {
        customer_name.set(c.name.clone());
        customer_type.set(c.customer_type.clone());
        // The customer's own terms are the defaults.
        draft.update(|d| party::choose_customer(d, &c));
    };
    let choose_prospect = move |p: Prospect| {
        customer_name.set(format!("{} ({})", p.name, i18n.t(Msg::Prospect)));
        customer_type.set("F".into());
        draft.update(|d| party::choose_prospect(d, &p.code, &p.store));
    };
    view! {
        <div class="card step-body" data-testid="step-customer">
            <p data-testid="chosen-customer">
                <strong>{move || i18n.t(Msg::Customer)}": "</strong>
                {move || {
                    let name = customer_name.get();
                    draft.with(|d| {
                        let code = if d.prospect_code.is_empty() { &d.customer_code } else { &d.prospect_code };
                        if code.is_empty() { i18n.t(Msg::ChooseCustomer).to_string() } else { format!("{code} — {name}") }
                    })
                }}
            </p>
            <FieldProblem problem testid="problem-customer" />
            <label class="label" for="customer-search">{move || i18n.t(Msg::Search)}</label>
            <input id="customer-search" type="search" data-testid="customer-search" placeholder=move || i18n.t(Msg::SearchHint) bind:value=search
                aria-invalid=move || problem.get().is_some().to_string() aria-describedby="problem-customer" />
            <Show when=move || kind.get() == DocumentKind::Quotation>
                <details class="new-prospect" data-testid="new-prospect">
                    <summary>{move || format!("+ {}", i18n.t(Msg::NewProspect))}</summary>
                    <NewProspectForm on_saved=move |(code, store, name): (String, String, String)| {
                        customer_name.set(format!("{name} ({})", i18n.t(Msg::Prospect)));
                        customer_type.set("F".into());
                        draft.update(|d| party::choose_prospect(d, &code, &store));
                    } />
                </details>
            </Show>
            <ul class="picker" data-testid="customer-results">
                {move || {
                    found
                        .get()
                        .map(|r| match r {
                            Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                            Ok(list) => list
                                .into_iter()
                                .map(|c| {
                                    let label = format!("{} / {} — {} ({} / {})", c.code, c.store, c.name, c.city, c.uf);
                                    let blocked = c.is_blocked();
                                    let code = c.code.clone();
                                    view! {
                                        <li>
                                            <button type="button" class="pick" data-testid="customer-option" data-code=code disabled=blocked
                                                on:click=move |_| choose(c.clone())>
                                                {label}
                                                {blocked.then(|| view! { " · " {move || i18n.t(Msg::Blocked)} })}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any(),
                        })
                }}
                {move || {
                    prospects
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|p| {
                            let label = format!("{} — {} ({}) · {}", p.code, p.name, p.uf, i18n.t(Msg::Prospect));
                            let code = p.code.clone();
                            view! {
                                <li>
                                    <button type="button" class="pick" data-testid="prospect-option" data-code=code on:click=move |_| choose_prospect(p.clone())>
                                        {label}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// A number input bound to one draft field: the draft (and so the totals) follows every
/// keystroke, the box keeps what was typed, and it shows a new value when one is derived
/// elsewhere (a discount changes the unit price).
#[component]
fn NumberInput(
    value: Signal<f64>,
    on_change: impl Fn(f64) + Copy + Send + Sync + 'static,
    #[prop(into)] testid: String,
    #[prop(into, optional)] id: String,
    /// The field's problem: marks the box invalid and points at the message (`described_by`).
    #[prop(optional)]
    problem: Option<Signal<Option<Problem>>>,
    #[prop(into, optional)] described_by: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = move || problem.is_some_and(|p| p.get().is_some()).to_string();
    let text = RwSignal::new(number_input(value.get_untracked(), i18n.locale.get_untracked()));
    Effect::new(move |_| {
        let v = value.get();
        let typed = text.with_untracked(|t| parse_number(t));
        // Not what the box already says (and not the NaN of a half-typed number): show it.
        if !v.is_nan() && typed.is_none_or(|t| (t - v).abs() > 1e-9) {
            text.set(number_input(v, i18n.locale.get_untracked()));
        }
    });
    view! {
        <input
            id=id
            class=class
            inputmode="decimal"
            aria-invalid=invalid
            aria-describedby=(!described_by.is_empty()).then_some(described_by)
            data-testid=testid
            prop:value=text
            on:input=move |ev| {
                let raw = event_target_value(&ev);
                text.set(raw.clone());
                on_change(parse_number(&raw).unwrap_or(f64::NAN));
            }
        />
    }
}

/// Step 2: price list, payment, carrier, freight, operation, charges, discount, notes.
#[component]
fn TermsStep(
    draft: RwSignal<Draft>,
    choices: LocalResource<Choices>,
    problem: impl Fn(Field) -> Signal<Option<Problem>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let select = move |label: Msg,
                       testid: &'static str,
                       get: fn(&Draft) -> String,
                       set: fn(&mut Draft, String),
                       options: Signal<Vec<(String, String)>>,
                       field: Option<Field>| {
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <select data-testid=testid prop:value=move || draft.with(get) on:change=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=move || field.is_some_and(|f| problem(f).get().is_some()).to_string()
                    aria-describedby=field.map(|_| format!("problem-{testid}"))>
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
                {field.map(|f| view! { <FieldProblem problem=problem(f) testid=format!("problem-{testid}") /> })}
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
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <NumberInput value=Signal::derive(move || draft.with(get)) on_change=move |v| draft.update(|d| set(d, v)) testid=testid
                    problem=problem(field) described_by=format!("problem-{testid}") />
                <FieldProblem problem=problem(field) testid=format!("problem-{testid}") />
            </label>
        }
    };
    view! {
        <div class="card step-body grid-2" data-testid="step-terms">
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
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
            </label>
        </div>
    }
}

/// Step 3: products and their lines.
#[component]
fn ItemsStep(
    draft: RwSignal<Draft>,
    problem: impl Fn(Field) -> Signal<Option<Problem>> + Copy + Send + Sync + 'static,
    online: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::catalog::use_catalog();
    let search = RwSignal::new(String::new());
    let only_list = RwSignal::new(false);
    let found = LocalResource::new(move || {
        let (s, only) = (search.get(), only_list.get());
        let priced_for = draft.with_untracked(party::pricing_for);
        async move {
            if s.trim().len() < 2 {
                return Ok(Vec::<Product>::new());
            }
            let q = ProductQuery { search: s, priced_for, only_price_list: only, ..Default::default() };
            catalog.products(&q, 1, 15).await.map(|l| l.items)
        }
    });
    let add = move |p: Product| {
        draft.update(|d| {
            let mut item = DraftItem {
                product: p.code.clone(),
                description: p.description.clone(),
                unit: p.unit.clone(),
                quantity: 1.0,
                list_price: p.price,
                ..Default::default()
            };
            item.set_discount(0.0);
            d.add_item(item);
        });
        search.set(String::new());
    };
    view! {
        <div class="card step-body" data-testid="step-items">
            <div class="toolbar">
                <label class="grow">
                    <span class="label">{move || i18n.t(Msg::AddProduct)}</span>
                    <input type="search" data-testid="product-search" placeholder=move || i18n.t(Msg::ProductSearchHint) bind:value=search />
                </label>
                // Filtering by price list needs the ERP: offline it is not offered.
                <Show when=move || online.get()>
                    <label class="check">
                        <input type="checkbox" data-testid="only-price-list" bind:checked=only_list />
                        {move || i18n.t(Msg::OnlyPriceList)}
                    </label>
                </Show>
            </div>
            <ul class="picker" data-testid="product-results">
                {move || {
                    found
                        .get()
                        .map(|r| match r {
                            Err(e) => view! { <li><ApiErrorBox error=e /></li> }.into_any(),
                            // Asked, and nothing came: say so (the ERP's 404 is "none").
                            Ok(list) if list.is_empty() && search.with(|s| s.trim().len() >= 2) => view! {
                                <li class="muted" data-testid="product-none">{move || i18n.t(Msg::NoProducts)}</li>
                            }
                                .into_any(),
                            Ok(list) => list
                                .into_iter()
                                .map(|p| {
                                    let price = p.price;
                                    let label = format!("{} — {} ({})", p.code, p.description, p.unit);
                                    let code = p.code.clone();
                                    view! {
                                        <li>
                                            <button type="button" class="pick" data-testid="product-option" data-code=code on:click=move |_| add(p.clone())>
                                                {label}" · "<span class="money">{move || format::money(price, i18n.locale.get())}</span>
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any(),
                        })
                }}
            </ul>
            <FieldProblem problem=problem(Field::Items) testid="problem-items" />
            <div class="table-wrap">
                <table class="table items stack" data-testid="items-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t(Msg::Product)}</th>
                            <th>{move || i18n.t(Msg::Quantity)}</th>
                            <th class="num">{move || i18n.t(Msg::ListPrice)}</th>
                            <th>{move || i18n.t(Msg::UnitPrice)}</th>
                            <th>{move || i18n.t(Msg::DiscountPct)}</th>
                            <th>{move || i18n.t(Msg::DeliveryDate)}</th>
                            <th>{move || i18n.t(Msg::CustomerOrder)}</th>
                            <th class="num">{move || i18n.t(Msg::Amount)}</th>
                            <th><span class="visually-hidden">{move || i18n.t(Msg::Remove)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || draft.with(|d| d.items.iter().enumerate().filter(|(_, i)| !i.removed).map(|(n, i)| (n, i.product.clone())).collect::<Vec<_>>())
                            key=|(n, p)| format!("{n}-{p}")
                            children=move |(n, _)| view! { <ItemRow n draft problem /> }
                        />
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// One editable line: a table row where the table fits, a card where it does not. Every
/// box has a label (hidden in the table, whose header says it) and points at its problem.
#[component]
fn ItemRow(
    n: usize,
    draft: RwSignal<Draft>,
    problem: impl Fn(Field) -> Signal<Option<Problem>> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let item = move || draft.with(|d| d.items.get(n).cloned().unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut DraftItem)| {
        draft.update(|d| {
            if let Some(i) = d.items.get_mut(n) {
                f(i)
            }
        })
    };
    let label = move |msg: Msg| view! { <span class="cell-label">{move || i18n.t(msg)}</span> };
    let invalid = move |f: Field| Signal::derive(move || problem(f).get().is_some());
    view! {
        <tr data-testid="item-row" data-product=move || item().product>
            <td class="wide">
                <div class="mono">{move || item().product}</div>
                <div class="muted small">{move || item().description}</div>
            </td>
            <td>
                <label>
                    {label(Msg::Quantity)}
                    <NumberInput value=Signal::derive(move || item().quantity) on_change=move |v| edit(&|i| i.quantity = v) testid="item-quantity"
                        class="qty" problem=problem(Field::ItemQuantity(n)) described_by=problem_id("problem-item-quantity", Some(n)) />
                </label>
                <FieldProblem problem=problem(Field::ItemQuantity(n)) testid="problem-item-quantity" line=n />
            </td>
            <td class="num money">{label(Msg::ListPrice)}{move || format::money(item().list_price, i18n.locale.get())}</td>
            <td>
                <label>
                    {label(Msg::UnitPrice)}
                    <NumberInput value=Signal::derive(move || item().unit_price) on_change=move |v| edit(&|i| i.set_unit_price(v)) testid="item-unit-price"
                        class="price" problem=problem(Field::ItemUnitPrice(n)) described_by=problem_id("problem-item-unit-price", Some(n)) />
                </label>
                <FieldProblem problem=problem(Field::ItemUnitPrice(n)) testid="problem-item-unit-price" line=n />
            </td>
            <td>
                <label>
                    {label(Msg::DiscountPct)}
                    <NumberInput value=Signal::derive(move || item().discount_pct) on_change=move |v| edit(&|i| i.set_discount(v)) testid="item-discount"
                        class="pct" problem=problem(Field::ItemDiscount(n)) described_by=problem_id("problem-item-discount", Some(n)) />
                </label>
                <FieldProblem problem=problem(Field::ItemDiscount(n)) testid="problem-item-discount" line=n />
            </td>
            <td>
                <label>
                    {label(Msg::DeliveryDate)}
                    <DateInput value=Signal::derive(move || item().delivery_date) on_change=move |v| edit(&|i| i.delivery_date = v.clone())
                        testid="item-delivery" invalid=invalid(Field::ItemDeliveryDate(n))
                        described_by=problem_id("problem-item-delivery", Some(n)) />
                </label>
                <FieldProblem problem=problem(Field::ItemDeliveryDate(n)) testid="problem-item-delivery" line=n />
            </td>
            <td>
                <label>
                    {label(Msg::CustomerOrder)}
                    <input data-testid="item-customer-order" prop:value=move || item().customer_order
                        on:input=move |ev| { let v = event_target_value(&ev); edit(&|i| i.customer_order = v.clone()) } />
                </label>
            </td>
            <td class="num money" data-testid="item-amount">{label(Msg::Amount)}{move || format::money(item().amount(), i18n.locale.get())}</td>
            <td>
                <button type="button" class="button ghost" data-testid="item-remove"
                    aria-label=move || format!("{} {}", i18n.t(Msg::Remove), item().product)
                    on:click=move |_| {
                        draft.update(|d| {
                            // A line the ERP knows is sent as deleted; a new one just goes.
                            if d.items[n].item_id.is_empty() { d.items[n].removed = true; d.items[n].product.clear(); } else { d.items[n].removed = true; }
                        })
                    }>
                    <span aria-hidden="true">"✕ "</span>{move || i18n.t(Msg::Remove)}
                </button>
            </td>
        </tr>
    }
}

/// Step 4: every line, the totals, taxes from the ERP, and sending.
#[component]
fn ReviewStep(
    draft: RwSignal<Draft>,
    totals: Signal<mascate_domain::document::Totals>,
    taxes: RwSignal<Option<Result<Taxes, ApiError>>>,
    online: Signal<bool>,
    on_taxes: impl Fn() + Copy + Send + Sync + 'static,
    customer_name: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card step-body" data-testid="step-review">
            <p><strong>{move || i18n.t(Msg::Customer)}": "</strong>{move || customer_name.get()}</p>
            <crate::components::lines::LinesTable lines=Signal::derive(move || draft.with(|d| d.live_items().cloned().collect())) testid="review-items" />
            <crate::components::totals::TotalsTable totals taxes=Signal::derive(move || taxes.get().and_then(Result::ok)) />
            <Show
                when=move || online.get()
                fallback=move || view! { <p class="notice" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p> }
            >
                <button type="button" class="button" data-testid="calculate-taxes" on:click=move |_| on_taxes()>
                    {move || i18n.t(Msg::CalculateTaxes)}
                </button>
            </Show>
            {move || match taxes.get() {
                Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// Registers a prospect, checking the CNPJ/CPF check digits and every field beside it.
#[component]
fn NewProspectForm(on_saved: impl Fn((String, String, String)) + Copy + Send + Sync + 'static) -> impl IntoView {
    use mascate_domain::prospect::{NewProspect, ProspectField};
    let i18n = use_i18n();
    let api = use_api();
    let p = RwSignal::new(NewProspect::default());
    let shown = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let problem = move |field: ProspectField| {
        move || {
            shown
                .get()
                .then(|| p.with(|p| p.validate().into_iter().find(|(f, _)| *f == field).map(|(_, c)| c)))
                .flatten()
                .map(|code| {
                    i18n.t(match code {
                        "length" => Msg::ProblemTaxIdLength,
                        "repeated" | "check_digits" => Msg::ProblemTaxIdDigits,
                        "unknown_uf" => Msg::ProblemUf,
                        "bad_email" => Msg::ProblemEmail,
                        _ => Msg::ProblemRequired,
                    })
                })
        }
    };
    let input = move |label: Msg,
                      testid: &'static str,
                      get: fn(&NewProspect) -> String,
                      set: fn(&mut NewProspect, String),
                      field: Option<ProspectField>| {
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <input data-testid=testid prop:value=move || p.with(get) on:input=move |ev| p.update(|p| set(p, event_target_value(&ev))) />
                {field.map(|f| view! { <p class="field-error" data-testid=format!("problem-{testid}")>{problem(f)}</p> })}
            </label>
        }
    };
    let save = move |_| {
        shown.set(true);
        if !p.with(|p| p.validate().is_empty()) {
            return;
        }
        let prospect = p.get_untracked();
        leptos::task::spawn_local(async move {
            match api.create_prospect(&prospect).await {
                Ok((code, store)) => {
                    error.set(None);
                    on_saved((code, store, prospect.name.to_uppercase()));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="grid-2" data-testid="new-prospect-form">
            {input(Msg::Name, "prospect-name", |p| p.name.clone(), |p, v| p.name = v, Some(ProspectField::Name))}
            {input(Msg::TradeName, "prospect-trade-name", |p| p.trade_name.clone(), |p, v| p.trade_name = v, None)}
            {input(Msg::TaxId, "prospect-taxid", |p| p.tax_id.clone(), |p, v| p.tax_id = v, Some(ProspectField::TaxId))}
            {input(Msg::State, "prospect-uf", |p| p.uf.clone(), |p, v| p.uf = v, Some(ProspectField::Uf))}
            {input(Msg::City, "prospect-city", |p| p.city.clone(), |p, v| p.city = v, Some(ProspectField::City))}
            {input(Msg::Phone, "prospect-phone", |p| p.phone.clone(), |p, v| p.phone = v, None)}
            {input(Msg::Email, "prospect-email", |p| p.email.clone(), |p, v| p.email = v, Some(ProspectField::Email))}
            <div class="span-2">
                <button type="button" class="button" data-testid="prospect-save" on:click=save>{move || i18n.t(Msg::SaveProspect)}</button>
                {move || error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            </div>
        </div>
    }
}

//! One schema's selection for today: step 1 a quick filter (at least three characters),
//! step 2 the schema's advanced fields, then pick records one by one or all filtered, and
//! save as today's seller filter (POST, or PUT of the differences when today's exists).

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use mascate_domain::contract::{SellerFilterHeader, SellerFilterItem};
use mascate_domain::customer_query::STATES;
use mascate_domain::offline::{candidate_filter, check_quick_filter, Advanced, Schema};

use crate::api::use_api;
use crate::components::api_error::ApiErrorBox;
use crate::components::pager::Pager;
use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::pages::offline_configurator::{schema_msg, DownloadSize};
use crate::session::use_session;

const PAGE_SIZE: usize = 50;
/// "Select all filtered" stops here: a day's selection is what fits in a car, not the ERP.
const MAX_SELECT_ALL: usize = 20_000;

/// Today's filter of one schema as saved in the ERP.
#[derive(Clone, Default)]
struct Saved {
    header: Option<SellerFilterHeader>,
    items: Vec<SellerFilterItem>,
}

/// The selection editor of one schema (`/offline/:schema`).
#[component]
pub fn OfflineSelectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let offline = use_offline();
    let navigate = use_navigate();
    let seller = use_session().seller().unwrap_or_default();
    let params = use_params_map();
    let schema = params.with_untracked(|p| p.get("schema").and_then(|s| Schema::from_slug(&s)));
    let Some(schema) = schema else {
        return view! { <crate::pages::not_built::NotBuilt title=Msg::NavOfflineConfigurator /> }.into_any();
    };

    let quick_text = RwSignal::new(String::new());
    let quick_error = RwSignal::new(false);
    let advanced = RwSignal::new(Advanced::default());
    // What the results show: the last accepted steps 1 and 2.
    let applied = RwSignal::new((None::<String>, Advanced::default()));
    let page = RwSignal::new(1usize);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let saved = RwSignal::new(Saved::default());
    let problem = RwSignal::new(None::<crate::api::ApiError>);

    // Today's selection, so the editor starts from it.
    let loaded = LocalResource::new(move || async move {
        let filters = api.seller_filters().await?;
        let today: String = filters.po_sync_date.unwrap_or_default().chars().take(10).collect();
        let header = filters.items.into_iter().find(|h| h.schema_id == schema.id() && h.date == today);
        let items = match &header {
            Some(h) => api.seller_filter_items(&h.uuid).await?,
            None => vec![],
        };
        selected.set(items.iter().map(|i| i.entity_id.trim_end().to_string()).collect());
        saved.set(Saved { header, items });
        Ok::<_, crate::api::ApiError>(())
    });

    let search = move || match check_quick_filter(&quick_text.get_untracked()) {
        Ok(q) => {
            quick_error.set(false);
            applied.set((q, advanced.get_untracked()));
            page.set(1);
        }
        Err(_) => quick_error.set(true),
    };
    let results = LocalResource::new(move || {
        let (q, a) = applied.get();
        let p = page.get();
        async move { api.candidates(schema, candidate_filter(schema, q.as_deref(), &a), a.in_stock, p, PAGE_SIZE).await }
    });

    // "Select all filtered" and "save" are the page's writes: either one disables both buttons.
    let select_all = Action::new_local(move |_: &()| {
        let (q, a) = applied.get_untracked();
        async move {
            let filter = candidate_filter(schema, q.as_deref(), &a);
            let mut all = Vec::new();
            for p in 1.. {
                match api.candidates(schema, filter.clone(), a.in_stock, p, 500).await {
                    Ok((items, more)) => {
                        all.extend(items.into_iter().map(|c| c.entity_id));
                        if !more || all.len() >= MAX_SELECT_ALL {
                            break;
                        }
                    }
                    Err(e) => {
                        problem.set(Some(e));
                        break;
                    }
                }
            }
            selected.update(|s| s.extend(all));
        }
    });

    let save = Action::new_local(move |_: &()| {
        problem.set(None);
        let (seller, navigate) = (seller.clone(), navigate.clone());
        let wanted: Vec<String> = selected.get_untracked().into_iter().collect();
        let current = saved.get_untracked();
        async move {
            let existing = current.header.as_ref().map(|h| (h.uuid.as_str(), current.items.as_slice()));
            match api.save_seller_filter(&seller, schema, existing, &wanted).await {
                Ok(()) => {
                    // The download runs in the background; the overview shows its progress.
                    offline.selection_changed();
                    navigate("/offline", Default::default());
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let busy = Signal::derive(move || select_all.pending().get() || save.pending().get());

    let set_adv = move |f: fn(&mut Advanced, String)| move |ev| advanced.update(|a| f(a, event_target_value(&ev)));

    view! {
        <section class="page offline-selection">
            <h1>{move || format!("{} · {}", i18n.t(Msg::NavOfflineConfigurator), i18n.t(schema_msg(schema)))}</h1>
            <form class="steps" on:submit=move |ev| { ev.prevent_default(); search(); }>
                <fieldset class="card">
                    <legend>{move || i18n.t(Msg::QuickFilterStep)}</legend>
                    <label class="grow">
                        <span class="label">{move || i18n.t(Msg::QuickFilter)}</span>
                        <input type="search" data-testid="quick-filter" bind:value=quick_text
                            aria-invalid=move || quick_error.get().to_string()
                            placeholder=move || i18n.t(Msg::QuickFilterHint) />
                    </label>
                    <Show when=move || quick_error.get()>
                        <p class="field-error" role="alert" data-testid="quick-filter-error">{move || i18n.t(Msg::QuickFilterTooShort)}</p>
                    </Show>
                </fieldset>
                <fieldset class="card">
                    <legend>{move || i18n.t(Msg::AdvancedFilterStep)}</legend>
                    <div class="toolbar">
                        {match schema {
                            Schema::Customers => view! {
                                <StateSelect on_change=set_adv(|a, v| a.uf = v) />
                                <label><span class="label">{move || i18n.t(Msg::City)}</span>
                                    <input data-testid="adv-city" on:change=set_adv(|a, v| a.city = v) /></label>
                                <label><span class="label">{move || i18n.t(Msg::Risk)}</span>
                                    <select data-testid="adv-risk" on:change=set_adv(|a, v| a.risk = v)>
                                        <option value="">{move || i18n.t(Msg::All)}</option>
                                        {["A", "B", "C", "D", "E"].map(|r| view! { <option value=r>{r}</option> }).collect_view()}
                                    </select></label>
                                <crate::components::date_filter::DateFilter label=Msg::BoughtSince
                                    value=Signal::derive(move || advanced.with(|a| a.bought_since.clone()))
                                    on_date=move |v| advanced.update(|a| a.bought_since = v) testid="adv-bought-since" />
                            }.into_any(),
                            Schema::Products => view! {
                                <label><span class="label">{move || i18n.t(Msg::Group)}</span>
                                    <input data-testid="adv-group" on:change=set_adv(|a, v| a.group = v) /></label>
                                <label><span class="label">{move || i18n.t(Msg::ProductType)}</span>
                                    <select data-testid="adv-type" on:change=set_adv(|a, v| a.kind = v)>
                                        <option value="">{move || i18n.t(Msg::All)}</option>
                                        {["PA", "ME", "MP", "PI"].map(|t| view! { <option value=t>{t}</option> }).collect_view()}
                                    </select></label>
                                <label class="check"><input type="checkbox" data-testid="adv-in-stock"
                                    on:change=move |ev| advanced.update(|a| a.in_stock = event_target_checked(&ev)) />
                                    {move || i18n.t(Msg::InStockOnly)}</label>
                            }.into_any(),
                            Schema::Prospects => view! {
                                <StateSelect on_change=set_adv(|a, v| a.uf = v) />
                                <label><span class="label">{move || i18n.t(Msg::Status)}</span>
                                    <select data-testid="adv-stage" on:change=set_adv(|a, v| a.stage = v)>
                                        <option value="">{move || i18n.t(Msg::All)}</option>
                                        {["1", "2", "3", "4", "5", "6"].map(|t| view! { <option value=t>{t}</option> }).collect_view()}
                                    </select></label>
                            }.into_any(),
                        }}
                    </div>
                </fieldset>
                <button type="submit" class="button" data-testid="apply-filter">{move || i18n.t(Msg::Search)}</button>
            </form>

            <div class="toolbar selection-bar">
                <strong data-testid="selected-count">{move || i18n.count(Plural::Selected, selected.with(|s| s.len()))}</strong>
                <button class="button" data-testid="select-all-filtered" disabled=busy on:click=move |_| { select_all.dispatch_local(()); }>
                    {move || i18n.t(Msg::SelectAllFiltered)}
                </button>
                <button class="button ghost" data-testid="clear-selection" on:click=move |_| selected.set(BTreeSet::new())>
                    {move || i18n.t(Msg::ClearSelection)}
                </button>
                <button class="button primary" data-testid="save-selection"
                    disabled=move || busy.get() || loaded.get().is_none() on:click=move |_| { save.dispatch_local(()); }>
                    {move || i18n.t(Msg::SaveSelection)}
                </button>
            </div>
            // What saving would download, before it is saved (once today's selection is read).
            <Show when=move || matches!(loaded.get(), Some(Ok(())))>
                <DownloadSize proposal=Signal::derive(move || Some((schema, selected.with(|s| s.iter().cloned().collect()))))/>
            </Show>
            {move || problem.get().map(|e| view! { <ApiErrorBox error=e /> })}

            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t(Msg::Loading)}</p> }>
                {move || results.get().map(|r| match r {
                    Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                    Ok((items, has_next)) => view! {
                        <table class="list candidates" data-testid="candidates">
                            <tbody>
                                {items.into_iter().map(|c| {
                                    let id = c.entity_id.clone();
                                    let id2 = id.clone();
                                    let checked = Memo::new(move |_| selected.with(|s| s.contains(&id)));
                                    view! {
                                        <tr data-testid="candidate">
                                            <td><label class="check"><input type="checkbox" data-testid="candidate-check"
                                                aria-label=c.name.clone()
                                                prop:checked=checked
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    selected.update(|s| { if on { s.insert(id2.clone()); } else { s.remove(&id2); } });
                                                } /></label></td>
                                            <td>{c.code}</td>
                                            <td>{c.name}</td>
                                            <td>{c.detail}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <Pager page set_page=move |p| page.set(p) has_next prefix="candidates" />
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// The state (UF) picker of step 2.
#[component]
fn StateSelect(on_change: impl Fn(leptos::ev::Event) + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label><span class="label">{move || i18n.t(Msg::State)}</span>
            <select data-testid="adv-uf" on:change=on_change>
                <option value="">{move || i18n.t(Msg::All)}</option>
                {STATES.iter().map(|s| view! { <option value=*s>{*s}</option> }).collect_view()}
            </select></label>
    }
}

//! One schema's selection for today: step 1 a quick filter (at least three characters),
//! step 2 the schema's advanced fields, then pick records one by one or all filtered, and
//! save as today's seller filter (POST, or PUT of the differences when today's exists).
//!
//! The list's state lives in the address, as on the other lists (a reload or Back shows the
//! same results): the accepted steps 1 and 2 and the page. The ticked records do not: they
//! are the selection being edited, read again from today's saved one.

mod candidates;
mod filters;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use mascate_domain::contract::{SellerFilterHeader, SellerFilterItem};
use mascate_domain::filter::Expr;
use mascate_domain::offline::{candidate_filter, Schema};

use crate::api::{use_api, Api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::pager::Pager;
use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Msg};
use crate::pages::offline_configurator::{schema_msg, DownloadSize};
use crate::session::use_session;
use crate::url_query::use_url_query;
use candidates::{CandidatesTable, SelectionBar};
use filters::{Applied, FilterSteps};

const PAGE_SIZE: usize = 50;
/// "Select all filtered" stops here: a day's selection is what fits in a car, not the ERP.
const MAX_SELECT_ALL: usize = 20_000;

/// Today's filter of one schema as saved in the ERP.
#[derive(Clone, Default)]
pub(crate) struct Saved {
    pub header: Option<SellerFilterHeader>,
    pub items: Vec<SellerFilterItem>,
}

/// Today's saved selection of `schema` (none yet: an empty one).
pub(crate) async fn todays_selection(api: Api, schema: Schema) -> Result<Saved, ApiError> {
    let filters = api.seller_filters().await?;
    let today: String = filters.po_sync_date.unwrap_or_default().chars().take(10).collect();
    let header = filters.items.into_iter().find(|h| h.schema_id == schema.id() && h.date == today);
    let items = match &header {
        Some(h) => api.seller_filter_items(&h.uuid).await?,
        None => vec![],
    };
    Ok(Saved { header, items })
}

/// The ids of every record `filter` finds (up to [`MAX_SELECT_ALL`]), and the error that
/// stopped the reading early, if one did (what was read until then is kept).
async fn all_filtered(
    api: Api,
    schema: Schema,
    filter: Option<Expr>,
    in_stock: bool,
) -> (Vec<String>, Option<ApiError>) {
    let mut all = Vec::new();
    for p in 1.. {
        match api.candidates(schema, filter.clone(), in_stock, p, 500).await {
            Ok((items, more)) => {
                all.extend(items.into_iter().map(|c| c.entity_id));
                if !more || all.len() >= MAX_SELECT_ALL {
                    break;
                }
            }
            Err(e) => return (all, Some(e)),
        }
    }
    (all, None)
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

    let url = use_url_query();
    // What the results show: the last accepted steps 1 and 2, and the page.
    let (applied, page) = (filters::applied(url), url.page());
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let saved = RwSignal::new(Saved::default());
    let problem = RwSignal::new(None::<ApiError>);

    // Today's selection, so the editor starts from it.
    let loaded = LocalResource::new(move || async move {
        let today = todays_selection(api, schema).await?;
        selected.set(today.items.iter().map(|i| i.entity_id.trim_end().to_string()).collect());
        saved.set(today);
        Ok::<_, ApiError>(())
    });

    let results = LocalResource::new(move || {
        let ((q, a), p) = (applied.get(), page.get());
        async move { api.candidates(schema, candidate_filter(schema, q.as_deref(), &a), a.in_stock, p, PAGE_SIZE).await }
    });
    // Searching again for what is shown, on the first page, reads the results again.
    let search = move |next: Applied| {
        if page.get_untracked() == 1 && applied.with_untracked(|a| *a == next) {
            results.refetch();
        } else {
            filters::apply(url, next);
        }
    };

    // "Select all filtered" and "save" are the page's writes: either one disables both buttons.
    let select_all = Action::new_local(move |_: &()| {
        let (q, a) = applied.get_untracked();
        async move {
            let (all, failed) = all_filtered(api, schema, candidate_filter(schema, q.as_deref(), &a), a.in_stock).await;
            if let Some(e) = failed {
                problem.set(Some(e));
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

    view! {
        <section class="page offline-selection">
            <h1>{move || format!("{} · {}", i18n.t(Msg::NavOfflineConfigurator), i18n.t(schema_msg(schema)))}</h1>
            <FilterSteps schema applied on_search=search />
            <SelectionBar selected select_all save loaded=Signal::derive(move || loaded.get().is_some()) />
            // What saving would download, before it is saved (once today's selection is read).
            <Show when=move || matches!(loaded.get(), Some(Ok(())))>
                <DownloadSize proposal=Signal::derive(move || Some((schema, selected.with(|s| s.iter().cloned().collect()))))/>
            </Show>
            {move || problem.get().map(|e| view! { <ApiErrorBox error=e /> })}

            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t(Msg::Loading)}</p> }>
                {move || results.get().map(|r| match r {
                    Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                    Ok((items, has_next)) => view! {
                        <CandidatesTable items selected />
                        <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="candidates" />
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

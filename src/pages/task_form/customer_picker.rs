//! The task's customer: a search among the rep's customers (the device's copy when
//! offline), each found one a button that picks it.

use leptos::prelude::*;
use mascate_domain::customer_query::CustomerQuery;
use mascate_domain::task::TaskDraft;

use crate::components::api_error::ApiErrorBox;
use crate::components::search_box::debounced;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, Msg};

/// The picked customer, the search box and what it finds.
#[component]
pub fn CustomerPicker(
    /// The task being written; picking sets its customer.
    draft: RwSignal<TaskDraft>,
    /// The problem to say under the search box (no customer picked), once the rep left it.
    #[prop(into)]
    problem: Signal<Option<Msg>>,
    /// Called when the rep leaves the search box.
    on_leave: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let typed = RwSignal::new(String::new());
    let asked: Signal<String> = debounced(typed.into());
    let found = LocalResource::new(move || {
        let search = asked.get();
        async move {
            if search.trim().len() < 2 {
                return Ok(Vec::new());
            }
            let q = CustomerQuery { search, ..Default::default() };
            catalog.customers(&q, 1, 8).await.map(|l| l.items)
        }
    });
    let chosen = move || {
        draft.with(|d| {
            if d.customer_code.is_empty() {
                i18n.t(Msg::ChooseCustomer).to_string()
            } else {
                format!("{}/{} — {}", d.customer_code, d.customer_store, d.customer_name)
            }
        })
    };
    view! {
        <p data-testid="task-chosen-customer"><strong>{move || i18n.t(Msg::Customer)}": "</strong>{chosen}</p>
        <label>
            <span class="label">{move || i18n.t(Msg::TaskCustomerSearch)}</span>
            <input type="search" data-testid="task-customer-search" bind:value=typed
                aria-invalid=move || problem.get().is_some().to_string() aria-describedby="task-customer-problem"
                on:blur=move |_| on_leave() />
        </label>
        <p class="field-error" id="task-customer-problem" data-testid="task-customer-problem" role=move || problem.get().map(|_| "alert")>
            {move || problem.get().map(|m| i18n.t(m))}
        </p>
        <ul class="picker" data-testid="task-customer-results">
            {move || found.get().map(|r| match r {
                Err(e) => view! { <li><ApiErrorBox error=e /></li> }.into_any(),
                Ok(list) => list.into_iter().map(|c| {
                    let label = format!("{} / {} — {} ({} / {})", c.code, c.store, c.name, c.city, c.uf);
                    let code = c.code.clone();
                    view! {
                        <li>
                            <button type="button" class="pick" data-testid="task-customer-option" data-code=code
                                // The search box keeps the focus until the pick: its "leaving" would
                                // say the problem above the list and move the option from under the tap.
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| {
                                let c = c.clone();
                                draft.update(|d| {
                                    d.customer_code = c.code.trim().to_string();
                                    d.customer_store = c.store.trim().to_string();
                                    d.customer_name = c.name.trim().to_string();
                                });
                                typed.set(String::new());
                            }>{label}</button>
                        </li>
                    }
                }).collect_view().into_any(),
            })}
        </ul>
    }
}

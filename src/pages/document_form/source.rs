//! Where the form starts: the draft filled once from its source (an ERP document, a
//! document on this device, an order to repeat, or a customer chosen on their page).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use mascate_domain::document::{DocumentKind, Draft, Step};

use super::FormSource;
use crate::api::ApiError;
use crate::device::sync::new_external_id;

/// Repeating: the order repeated, its products with no price today, and whether item
/// discounts were kept.
pub type Repeated = (String, Vec<String>, bool);

/// What the source fills: the draft and the step the form opens at, the customer's name and
/// type (for the header and the taxes), a source that could not be read, and what a repeat
/// kept and left out.
#[derive(Clone, Copy)]
pub struct Form {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<Step>,
    pub customer_name: RwSignal<String>,
    pub customer_type: RwSignal<String>,
    pub load_error: RwSignal<Option<ApiError>>,
    pub repeated: RwSignal<Option<Repeated>>,
}

impl Form {
    /// A new draft of `kind`, at the customer step.
    pub fn new(kind: DocumentKind) -> Self {
        Form {
            draft: RwSignal::new(Draft::new(kind, new_external_id())),
            step: RwSignal::new(Step::Customer),
            customer_name: RwSignal::new(String::new()),
            customer_type: RwSignal::new(String::new()),
            load_error: RwSignal::new(None),
            repeated: RwSignal::new(None),
        }
    }
}

/// Fills the form's draft from its source, once.
pub fn load_source(kind: DocumentKind, source: FormSource, form: Form) {
    let api = crate::api::use_api();
    let catalog = crate::device::catalog::use_catalog();
    let sync = crate::device::sync::use_sync();
    let params = use_params_map();
    let query = use_query_map();
    let Form { draft, step, customer_name, customer_type, load_error, repeated } = form;

    // A read, not a write: fills the draft once from its source.
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
}

//! A customer's contacts: each with a call, WhatsApp and e-mail link; online they can be
//! added and edited (the ERP's contacts, schema 000003), offline those of today's selected
//! customers are shown from the device, read-only. Every field is checked as it is typed
//! (`mascate_domain::contact`), and again by the ERP.

use leptos::prelude::*;
use mascate_domain::contact::{mailto_link, mobile_link, tel_link, whatsapp_link, ContactDraft, ContactField};
use mascate_domain::contract::Contact;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, Msg};

fn problem_msg(code: &str) -> Msg {
    match code {
        "required" => Msg::ProblemRequired,
        "too_long" => Msg::ProblemTooLong,
        "bad_ddd" => Msg::ProblemBadDdd,
        "bad_phone" => Msg::ProblemBadPhone,
        "bad_chars" => Msg::ProblemControlChars,
        _ => Msg::ProblemBadEmail,
    }
}

/// The contacts card of a customer.
#[component]
pub fn ContactsCard(code: String, store: String) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let connectivity = use_connectivity();
    // The contact being edited: `Some("")` adds one.
    let editing = RwSignal::new(None::<(String, ContactDraft)>);
    let saved = RwSignal::new(0u32);
    let (c2, s2) = (code.clone(), store.clone());
    let data = LocalResource::new(move || {
        let (code, store) = (c2.clone(), s2.clone());
        connectivity.online();
        saved.track();
        async move { catalog.contacts(&code, &store).await }
    });
    let new_draft =
        move || ContactDraft { customer_code: code.clone(), customer_store: store.clone(), ..Default::default() };
    view! {
        <section class="card contacts" data-testid="customer-contacts">
            <div class="card-head">
                <h2>{move || i18n.t(Msg::Contacts)}</h2>
                <Show when=move || connectivity.online() && editing.with(Option::is_none)>
                    {
                        let new_draft = new_draft.clone();
                        view! {
                            <button type="button" class="button" data-testid="contact-add"
                                on:click=move |_| editing.set(Some((String::new(), new_draft())))>
                                {move || format!("+ {}", i18n.t(Msg::AddContact))}
                            </button>
                        }
                    }
                </Show>
            </div>
            <Show when=move || !connectivity.online()>
                <p class="hint" data-testid="contacts-read-only">{move || i18n.t(Msg::ContactsReadOnlyOffline)}</p>
            </Show>
            {move || editing.get().map(|(id, draft)| view! {
                <ContactForm id draft on_done=move |changed| {
                    editing.set(None);
                    if changed { saved.update(|n| *n += 1); }
                } />
            })}
            <Ready resource=data let:value>{match value {
                Err(ApiError::Unreachable) => view! { <p class="muted" data-testid="contacts-none">{i18n.t(Msg::NotSavedOffline)}</p> }.into_any(),
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted" data-testid="contacts-none">{i18n.t(Msg::NoContacts)}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="plain contact-list">
                        {list.into_iter().map(|c| view! { <ContactRow c editing /> }).collect_view()}
                    </ul>
                }.into_any(),
            }}</Ready>
        </section>
    }
}

/// One contact with its links (and, online, its edit button).
#[component]
fn ContactRow(c: Contact, editing: RwSignal<Option<(String, ContactDraft)>>) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
    let links = [
        (
            tel_link(&c),
            Msg::Call,
            "contact-tel",
            mascate_domain::format::phone(&c.ddd, if c.phone.trim().is_empty() { &c.cell_phone } else { &c.phone }),
        ),
        (whatsapp_link(&c), Msg::WhatsApp, "contact-whatsapp", String::new()),
        (mailto_link(&c), Msg::WriteEmail, "contact-mailto", c.email.trim().to_string()),
    ];
    let mobile = mobile_link(&c)
        .filter(|_| !c.phone.trim().is_empty())
        .map(|href| (href, mascate_domain::format::phone(&c.ddd, &c.cell_phone)));
    let (id, draft) = (c.contact_id.clone(), ContactDraft::of(&c));
    view! {
        <li class="contact" data-testid="contact" data-id=c.contact_id.clone()>
            <div>
                <strong data-testid="contact-name">{c.name.clone()}</strong>
                {(!c.role.trim().is_empty()).then(|| view! { <span class="muted">" · "{c.role.clone()}</span> })}
            </div>
            <div class="contact-links">
                {links.into_iter().filter_map(|(href, label, testid, text)| href.map(|href| {
                    let external = testid == "contact-whatsapp";
                    view! {
                        <a class="button ghost" href=href data-testid=testid target=external.then_some("_blank")
                            rel=external.then_some("noopener")>
                            {move || i18n.t(label)}{(!text.is_empty()).then(|| format!(" {text}"))}
                        </a>
                    }
                })).collect_view()}
                {mobile.map(|(href, text)| view! {
                    <a class="button ghost" href=href data-testid="contact-mobile">{move || i18n.t(Msg::CellPhone)}" "{text}</a>
                })}
                <Show when=move || connectivity.online() && editing.with(Option::is_none)>
                    {
                        let (id, draft) = (id.clone(), draft.clone());
                        view! {
                            <button type="button" class="button ghost" data-testid="contact-edit"
                                on:click=move |_| editing.set(Some((id.clone(), draft.clone())))>
                                {move || i18n.t(Msg::Edit)}
                            </button>
                        }
                    }
                </Show>
            </div>
        </li>
    }
}

/// Adding (`id` empty) or editing a contact; `on_done(saved)`.
#[component]
fn ContactForm(
    id: String,
    draft: ContactDraft,
    on_done: impl Fn(bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::device::catalog::use_catalog();
    let d = RwSignal::new(draft);
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| d.with(ContactDraft::validate));
    let problem = move |f: ContactField| {
        Signal::derive(move || {
            if tried.get() {
                problems.with(|ps| ps.iter().find(|(x, _)| *x == f).map(|(_, c)| *c))
            } else {
                None
            }
        })
    };
    let adding = id.is_empty();
    let save = Action::new_local(move |draft: &ContactDraft| {
        let (id, draft) = (id.clone(), draft.clone());
        async move {
            catalog.save_contact(&id, &draft).await?;
            on_done(true);
            Ok::<(), ApiError>(())
        }
    });
    let submit = move || {
        tried.set(true);
        if problems.with_untracked(Vec::is_empty) && !save.pending().get_untracked() {
            save.dispatch_local(d.get_untracked());
        }
    };
    let field = move |f: ContactField,
                      label: Msg,
                      testid: &'static str,
                      get: fn(&ContactDraft) -> String,
                      set: fn(&mut ContactDraft, String),
                      kind: &'static str| {
        let p = problem(f);
        let err_id = format!("{testid}-problem");
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <input type=kind data-testid=testid prop:value=move || d.with(get)
                    aria-invalid=move || p.get().is_some().to_string() aria-describedby=err_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); d.update(|x| set(x, v)); } />
                {move || p.get().map(|code| view! { <span class="field-error" id=err_id.clone() data-testid=format!("{testid}-problem")>{i18n.t(problem_msg(code))}</span> })}
            </label>
        }
    };
    view! {
        <form class="contact-form" novalidate data-testid="contact-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <h3>{move || i18n.t(if adding { Msg::AddContact } else { Msg::EditContact })}</h3>
            <div class="form-grid">
                {field(ContactField::Name, Msg::ContactName, "contact-name-input", |c| c.name.clone(), |c, v| c.name = v, "text")}
                {field(ContactField::Role, Msg::Role, "contact-role-input", |c| c.role.clone(), |c, v| c.role = v, "text")}
                {field(ContactField::Ddd, Msg::AreaCode, "contact-ddd-input", |c| c.ddd.clone(), |c, v| c.ddd = v, "tel")}
                {field(ContactField::Phone, Msg::Phone, "contact-phone-input", |c| c.phone.clone(), |c, v| c.phone = v, "tel")}
                {field(ContactField::CellPhone, Msg::CellPhone, "contact-cell-input", |c| c.cell_phone.clone(), |c, v| c.cell_phone = v, "tel")}
                {field(ContactField::Email, Msg::Email, "contact-email-input", |c| c.email.clone(), |c, v| c.email = v, "email")}
            </div>
            {move || save.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="form-actions">
                <button type="button" class="button" data-testid="contact-cancel" on:click=move |_| on_done(false)>
                    {move || i18n.t(Msg::Cancel)}
                </button>
                <button type="submit" class="button primary" data-testid="contact-save" disabled=move || save.pending().get()>
                    {move || i18n.t(if save.pending().get() { Msg::Saving } else { Msg::Save })}
                </button>
            </div>
        </form>
    }
}

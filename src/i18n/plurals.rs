//! Messages that count something: a singular and a plural form per language, chosen by the
//! count (`1 cliente salvo`, `2 clientes salvos`), never "cliente(s)".

use mascate_domain::Locale;

macro_rules! plurals {
    ($($name:ident => [[$pt1:expr, $pt:expr], [$en1:expr, $en:expr], [$es1:expr, $es:expr]],)*) => {
        /// A message with a count `{n}` in it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Plural { $($name,)* }

        impl Plural {
            /// Every counted message, for completeness checks.
            pub const ALL: &'static [Plural] = &[$(Plural::$name,)*];

            /// The form for `n` in `locale`, with `{n}` still in it.
            pub fn text(self, locale: Locale, n: u64) -> &'static str {
                let [one, many]: [&'static str; 2] = match (self, locale) {
                    $((Plural::$name, Locale::PtBr) => [$pt1, $pt],
                      (Plural::$name, Locale::En) => [$en1, $en],
                      (Plural::$name, Locale::Es) => [$es1, $es],)*
                };
                if locale.is_singular(n) { one } else { many }
            }
        }
    };
}

plurals! {
    AgendaCustomers => [
        ["{n} cliente na agenda", "{n} clientes na agenda"],
        ["{n} customer on the agenda", "{n} customers on the agenda"],
        ["{n} cliente en la agenda", "{n} clientes en la agenda"]
    ],
    Days => [["{n} dia", "{n} dias"], ["{n} day", "{n} days"], ["{n} día", "{n} días"]],
    SavedOnDevice => [
        ["{n} cliente salvo neste aparelho", "{n} clientes salvos neste aparelho"],
        ["{n} customer saved on this device", "{n} customers saved on this device"],
        ["{n} cliente guardado en este dispositivo", "{n} clientes guardados en este dispositivo"]
    ],
    Refused => [["{n} recusado", "{n} recusados"], ["{n} refused", "{n} refused"], ["{n} rechazado", "{n} rechazados"]],
    LogoutPending => [
        [
            "{n} documento ainda não chegou ao ERP. Ele fica guardado neste aparelho e é enviado no próximo acesso deste vendedor.",
            "{n} documentos ainda não chegaram ao ERP. Eles ficam guardados neste aparelho e são enviados no próximo acesso deste vendedor."
        ],
        [
            "{n} document has not reached the ERP yet. It stays on this device and is sent at this seller's next sign-in.",
            "{n} documents have not reached the ERP yet. They stay on this device and are sent at this seller's next sign-in."
        ],
        [
            "{n} documento aún no llegó al ERP. Queda guardado en este dispositivo y se envía en el próximo acceso de este vendedor.",
            "{n} documentos aún no llegaron al ERP. Quedan guardados en este dispositivo y se envían en el próximo acceso de este vendedor."
        ]
    ],
    DataVanishedUnsent => [
        [
            "{n} documento que ainda não tinha chegado ao ERP estava neste aparelho e foi apagado com ele: confira com o cliente e escreva-o de novo.",
            "{n} documentos que ainda não tinham chegado ao ERP estavam neste aparelho e foram apagados com ele: confira com os clientes e escreva-os de novo."
        ],
        [
            "{n} document that had not reached the ERP was on this device and was erased with it: check with the customer and write it again.",
            "{n} documents that had not reached the ERP were on this device and were erased with it: check with the customers and write them again."
        ],
        [
            "{n} documento que aún no había llegado al ERP estaba en este dispositivo y fue borrado con él: confírmelo con el cliente y escríbalo de nuevo.",
            "{n} documentos que aún no habían llegado al ERP estaban en este dispositivo y fueron borrados con él: confírmelos con los clientes y escríbalos de nuevo."
        ]
    ],
    Selected => [["{n} selecionado", "{n} selecionados"], ["{n} selected", "{n} selected"], ["{n} seleccionado", "{n} seleccionados"]],
    Records => [["{n} registro", "{n} registros"], ["{n} record", "{n} records"], ["{n} registro", "{n} registros"]],
    ItemsN => [["{n} item", "{n} itens"], ["{n} item", "{n} items"], ["{n} ítem", "{n} ítems"]],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_counts_and_singular_differs_where_the_language_does() {
        for p in Plural::ALL {
            for l in Locale::ALL {
                for n in [0, 1, 2, 21] {
                    let text = p.text(l, n);
                    assert!(text.contains("{n}"), "{p:?} in {l:?} for {n}");
                    assert!(!text.contains("(s)"), "{p:?} in {l:?}");
                }
            }
            assert_ne!(p.text(Locale::PtBr, 1), p.text(Locale::PtBr, 2), "{p:?}");
        }
        assert_eq!(Plural::Refused.text(Locale::PtBr, 0), "{n} recusados");
    }
}

//! The message catalogue: one line per message, `[pt-BR, en, es]`. The array type makes a
//! missing translation a compile error.

use mascate_domain::Locale;

macro_rules! messages {
    ($($name:ident => [$pt:expr, $en:expr, $es:expr],)*) => {
        /// A user-facing message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name,)* }

        impl Msg {
            /// Every message, for completeness checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message in `locale`.
            pub fn text(self, locale: Locale) -> &'static str {
                let [pt, en, es]: [&'static str; 3] = match self { $(Msg::$name => [$pt, $en, $es],)* };
                match locale { Locale::PtBr => pt, Locale::En => en, Locale::Es => es }
            }
        }
    };
}

messages! {
    Tagline => ["Portal de vendas", "Sales portal", "Portal de ventas"],
    // Login
    LoginTitle => ["Entrar", "Sign in", "Iniciar sesión"],
    Username => ["Usuário", "User", "Usuario"],
    Password => ["Senha", "Password", "Contraseña"],
    SignIn => ["Entrar", "Sign in", "Entrar"],
    SigningIn => ["Entrando…", "Signing in…", "Entrando…"],
    Required => ["Campo obrigatório.", "Required.", "Campo obligatorio."],
    LoginFailed => ["Usuário ou senha inválidos.", "Wrong user or password.", "Usuario o contraseña incorrectos."],
    NotASeller => [
        "Este usuário não está vinculado a um vendedor no ERP.",
        "This user is not linked to a seller in the ERP.",
        "Este usuario no está vinculado a un vendedor en el ERP."
    ],
    DemoLogins => ["Acessos de demonstração", "Demo logins", "Accesos de demostración"],
    UseLogin => ["Usar", "Use", "Usar"],
    ServerUnreachable => [
        "Não foi possível falar com o servidor. Verifique a conexão.",
        "Could not reach the server. Check the connection.",
        "No fue posible contactar el servidor. Verifique la conexión."
    ],
    FirstSignInNeedsNetwork => [
        "Você está sem conexão. O primeiro acesso neste aparelho precisa de internet.",
        "You are offline. The first sign-in on this device needs a connection.",
        "Está sin conexión. El primer acceso en este dispositivo necesita internet."
    ],
    SessionExpired => [
        "Sua sessão expirou. Entre novamente; os dados salvos no aparelho continuam aqui.",
        "Your session expired. Sign in again; the data saved on this device is still here.",
        "Su sesión expiró. Entre de nuevo; los datos guardados en el dispositivo siguen aquí."
    ],
    ServerAddress => ["Endereço do servidor Protheus (REST)", "Protheus REST server address", "Dirección del servidor Protheus (REST)"],
    ServerAddressHint => [
        "Vazio = o mesmo endereço deste aplicativo. Ex.: https://erp.empresa.com.br:8400/rest",
        "Empty = this app's own address. E.g. https://erp.example.com:8400/rest",
        "Vacío = la misma dirección de esta aplicación. Ej.: https://erp.empresa.com:8400/rest"
    ],
    Advanced => ["Avançado", "Advanced", "Avanzado"],
    // Shell
    NavHome => ["Início", "Home", "Inicio"],
    NavCustomers => ["Meus Clientes", "My Customers", "Mis Clientes"],
    NavQuotations => ["Meus Orçamentos", "My Quotations", "Mis Presupuestos"],
    NavOrders => ["Meus Pedidos", "My Orders", "Mis Pedidos"],
    NavNotifications => ["Minhas Notificações", "My Notifications", "Mis Notificaciones"],
    NavOfflineConfigurator => ["Configurador Offline", "Offline Configurator", "Configurador Offline"],
    Logout => ["Sair", "Sign out", "Salir"],
    Language => ["Idioma", "Language", "Idioma"],
    Menu => ["Menu", "Menu", "Menú"],
    Online => ["Online", "Online", "En línea"],
    Offline => ["Offline", "Offline", "Sin conexión"],
    NotBuiltYet => [
        "Esta tela ainda não foi construída. Ela chega numa próxima versão do Mascate.",
        "This page is not built yet. It comes in a later version of Mascate.",
        "Esta pantalla aún no está construida. Llega en una próxima versión de Mascate."
    ],
    // Home
    Welcome => ["Olá, {n}", "Hello, {n}", "Hola, {n}"],
    HomeIntro => [
        "Consulte seus clientes com ou sem conexão. Orçamentos, pedidos e o painel chegam nas próximas versões.",
        "Look up your customers with or without a connection. Quotations, orders and the dashboard come in later versions.",
        "Consulte sus clientes con o sin conexión. Presupuestos, pedidos y el panel llegan en próximas versiones."
    ],
    SavedOnDevice => ["{n} clientes salvos neste aparelho", "{n} customers saved on this device", "{n} clientes guardados en este dispositivo"],
    // Customers
    CustomersTitle => ["Meus Clientes", "My Customers", "Mis Clientes"],
    Search => ["Buscar", "Search", "Buscar"],
    SearchHint => ["Nome, fantasia, código ou CNPJ/CPF", "Name, trade name, code or CNPJ/CPF", "Nombre, fantasía, código o CNPJ/CPF"],
    State => ["UF", "State", "Estado"],
    City => ["Cidade", "City", "Ciudad"],
    Status => ["Situação", "Status", "Situación"],
    All => ["Todos", "All", "Todos"],
    Active => ["Ativo", "Active", "Activo"],
    Blocked => ["Bloqueado", "Blocked", "Bloqueado"],
    SortBy => ["Ordenar por", "Sort by", "Ordenar por"],
    Name => ["Nome", "Name", "Nombre"],
    Code => ["Código", "Code", "Código"],
    TradeName => ["Nome fantasia", "Trade name", "Nombre comercial"],
    TaxId => ["CNPJ/CPF", "CNPJ/CPF", "CNPJ/CPF"],
    ViewTable => ["Tabela", "Table", "Tabla"],
    ViewCards => ["Cartões", "Cards", "Tarjetas"],
    Previous => ["Anterior", "Previous", "Anterior"],
    Next => ["Próxima", "Next", "Siguiente"],
    PageN => ["Página {n}", "Page {n}", "Página {n}"],
    NoCustomers => ["Nenhum cliente encontrado.", "No customers found.", "Ningún cliente encontrado."],
    Loading => ["Carregando…", "Loading…", "Cargando…"],
    OfflineCustomers => [
        "Sem conexão: mostrando os clientes salvos neste aparelho, somente leitura.",
        "Offline: showing the customers saved on this device, read-only.",
        "Sin conexión: mostrando los clientes guardados en este dispositivo, solo lectura."
    ],
    NothingSavedYet => [
        "Nenhum cliente salvo neste aparelho ainda. Abra a lista com conexão para guardá-los.",
        "No customers saved on this device yet. Open the list while online to keep them.",
        "Aún no hay clientes guardados en este dispositivo. Abra la lista con conexión para guardarlos."
    ],
    ErrorDetail => ["Detalhes do ERP", "Details from the ERP", "Detalles del ERP"],
    TryAgain => ["Tentar de novo", "Try again", "Intentar de nuevo"],
    // Customer details
    Back => ["Voltar", "Back", "Volver"],
    Registration => ["Cadastro", "Registration", "Registro"],
    Address => ["Endereço", "Address", "Dirección"],
    Contact => ["Contato", "Contact", "Contacto"],
    Commercial => ["Comercial", "Commercial", "Comercial"],
    Store => ["Loja", "Store", "Tienda"],
    PersonType => ["Tipo de pessoa", "Person type", "Tipo de persona"],
    Company => ["Jurídica", "Company", "Jurídica"],
    Person => ["Física", "Individual", "Física"],
    StateRegistration => ["Inscrição estadual", "State registration", "Inscripción estatal"],
    MunicipalRegistration => ["Inscrição municipal", "Municipal registration", "Inscripción municipal"],
    Cnae => ["CNAE", "CNAE", "CNAE"],
    CreditLimit => ["Limite de crédito", "Credit limit", "Límite de crédito"],
    Risk => ["Risco", "Risk", "Riesgo"],
    PaymentCondition => ["Condição de pagamento", "Payment condition", "Condición de pago"],
    PriceList => ["Tabela de preço", "Price list", "Lista de precios"],
    Carrier => ["Transportadora", "Carrier", "Transportista"],
    LastPurchase => ["Última compra", "Last purchase", "Última compra"],
    CustomerSince => ["Cliente desde", "Customer since", "Cliente desde"],
    Neighborhood => ["Bairro", "Neighbourhood", "Barrio"],
    Complement => ["Complemento", "Complement", "Complemento"],
    ZipCode => ["CEP", "ZIP code", "Código postal"],
    Country => ["País", "Country", "País"],
    Phone => ["Telefone", "Phone", "Teléfono"],
    Email => ["E-mail", "E-mail", "Correo"],
    CustomerNotFound => [
        "Cliente não encontrado.",
        "Customer not found.",
        "Cliente no encontrado."
    ],
    NotSavedOffline => [
        "Este cliente não está salvo neste aparelho e não há conexão.",
        "This customer is not saved on this device and there is no connection.",
        "Este cliente no está guardado en este dispositivo y no hay conexión."
    ],
    None => ["—", "—", "—"],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_every_locale_and_placeholders_agree() {
        for msg in Msg::ALL {
            let pt = msg.text(Locale::PtBr);
            for locale in Locale::ALL {
                let text = msg.text(locale);
                assert!(!text.trim().is_empty(), "{msg:?} in {locale:?}");
                assert_eq!(text.contains("{n}"), pt.contains("{n}"), "{msg:?} in {locale:?}");
            }
        }
    }

    #[test]
    fn portuguese_is_not_just_english() {
        let same = Msg::ALL.iter().filter(|m| m.text(Locale::PtBr) == m.text(Locale::En)).count();
        assert!(same * 5 < Msg::ALL.len(), "{same} of {} untranslated", Msg::ALL.len());
    }
}

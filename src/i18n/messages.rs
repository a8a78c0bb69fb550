//! The message catalogue: one line per message, `[pt-BR, en, es]`. The array type makes a
//! missing translation a compile error.

use mascate_domain::Locale;

mod hole;

pub use hole::Arg;

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
    SessionExpiredTitle => ["Sessão expirada", "Session expired", "Sesión expirada"],
    SessionExpiredChoice => [
        "O ERP encerrou sua sessão. Entre novamente agora, ou continue offline com a seleção de hoje: consultas e novos documentos ficam no aparelho e são enviados quando você entrar.",
        "The ERP ended your session. Sign in again now, or continue offline with today's selection: lookups and new documents stay on this device and are sent when you sign in.",
        "El ERP cerró su sesión. Entre de nuevo ahora, o continúe sin conexión con la selección de hoy: consultas y nuevos documentos quedan en el dispositivo y se envían cuando entre."
    ],
    SignInAgain => ["Entrar novamente", "Sign in again", "Entrar de nuevo"],
    ContinueOffline => ["Continuar offline", "Continue offline", "Continuar sin conexión"],
    SendingWaitsForSignIn => [
        "Sessão expirada: você está trabalhando offline e o envio ao ERP espera você entrar novamente.",
        "Session expired: you are working offline and sending to the ERP waits until you sign in again.",
        "Sesión expirada: está trabajando sin conexión y el envío al ERP espera hasta que entre de nuevo."
    ],
    NotTheSameSeller => [
        "Entre com o mesmo vendedor, ou saia para trocar de usuário.",
        "Sign in as the same seller, or sign out to change user.",
        "Entre con el mismo vendedor, o salga para cambiar de usuario."
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
    LogoutTitle => ["Sair com documentos no aparelho?", "Sign out with documents on this device?", "¿Salir con documentos en el dispositivo?"],
    More => ["Mais", "More", "Más"],
    Close => ["Fechar", "Close", "Cerrar"],
    SkipToContent => ["Pular para o conteúdo", "Skip to content", "Saltar al contenido"],
    Language => ["Idioma", "Language", "Idioma"],
    Menu => ["Menu", "Menu", "Menú"],
    Online => ["Online", "Online", "En línea"],
    Offline => ["Offline", "Offline", "Sin conexión"],
    NotBuiltYet => [
        "Esta tela ainda não foi construída. Ela chega numa próxima versão do Mascate.",
        "This page is not built yet. It comes in a later version of Mascate.",
        "Esta pantalla aún no está construida. Llega en una próxima versión de Mascate."
    ],
    WorkspaceFailed => [
        "Não foi possível carregar o Mascate neste aparelho. Verifique a conexão e tente de novo.",
        "Mascate could not be loaded on this device. Check the connection and try again.",
        "No se pudo cargar Mascate en este dispositivo. Verifique la conexión e intente de nuevo."
    ],
    // Home
    Welcome => ["Olá, {n}", "Hello, {n}", "Hola, {n}"],
    HomeOffline => [
        "Sem conexão: os indicadores vêm do ERP. A seleção de hoje continua disponível, e os pedidos ficam guardados até a conexão voltar.",
        "Offline: the indicators come from the ERP. Today's selection is still here, and orders wait on this device until the connection returns.",
        "Sin conexión: los indicadores vienen del ERP. La selección de hoy sigue disponible y los pedidos esperan aquí hasta que vuelva la conexión."
    ],
    Period => ["Período", "Period", "Período"],
    ThisMonth => ["Este mês", "This month", "Este mes"],
    Last3Months => ["Últimos 3 meses", "Last 3 months", "Últimos 3 meses"],
    Last6Months => ["Últimos 6 meses", "Last 6 months", "Últimos 6 meses"],
    Last12Months => ["Últimos 12 meses", "Last 12 months", "Últimos 12 meses"],
    ByValue => ["Valor", "Value", "Valor"],
    ByQuantity => ["Quantidade", "Quantity", "Cantidad"],
    BilledValue => ["Faturado x não faturado (valor)", "Billed vs unbilled (value)", "Facturado vs no facturado (valor)"],
    BilledQuantity => ["Faturado x não faturado (quantidade)", "Billed vs unbilled (quantity)", "Facturado vs no facturado (cantidad)"],
    CardTotalItems => ["Total de itens", "Total items", "Total de ítems"],
    CardToInvoice => ["Itens a faturar", "Items to invoice", "Ítems por facturar"],
    CardPending => ["Itens pendentes", "Pending items", "Ítems pendientes"],
    CardFinished => ["Itens finalizados", "Finished items", "Ítems finalizados"],
    SeriesBilled => ["Faturado", "Billed", "Facturado"],
    SeriesUnbilled => ["Não faturado", "Unbilled", "No facturado"],
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
        "Sem conexão: mostrando a seleção de hoje salva neste aparelho.",
        "Offline: showing today's selection saved on this device.",
        "Sin conexión: mostrando la selección de hoy guardada en este dispositivo."
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
    // Documents
    OrdersTitle => ["Meus Pedidos", "My Orders", "Mis Pedidos"],
    QuotationsTitle => ["Meus Orçamentos", "My Quotations", "Mis Presupuestos"],
    NewOrder => ["Novo pedido", "New order", "Nuevo pedido"],
    NewQuotation => ["Novo orçamento", "New quotation", "Nuevo presupuesto"],
    Order => ["Pedido", "Order", "Pedido"],
    Quotation => ["Orçamento", "Quotation", "Presupuesto"],
    Number => ["Número", "Number", "Número"],
    IssueDate => ["Emissão", "Issued", "Emisión"],
    Customer => ["Cliente", "Customer", "Cliente"],
    Prospect => ["Prospect", "Prospect", "Prospecto"],
    Amount => ["Valor", "Amount", "Importe"],
    DocumentSearchHint => ["Número, código ou nome do cliente", "Number, customer code or name", "Número, código o nombre del cliente"],
    NoDocuments => ["Nenhum documento encontrado.", "No documents found.", "Ningún documento encontrado."],
    StatusOpen => ["Em aberto", "Open", "Abierto"],
    StatusReleased => ["Liberado", "Released", "Liberado"],
    StatusInvoiced => ["Faturado / encerrado", "Invoiced / closed", "Facturado / cerrado"],
    StatusBlockedRule => ["Bloqueado por regra", "Blocked by a business rule", "Bloqueado por regla"],
    StatusBlockedBudget => ["Bloqueado por verba", "Blocked by budget", "Bloqueado por presupuesto"],
    StatusBlockedCredit => ["Bloqueado por crédito", "Blocked by credit", "Bloqueado por crédito"],
    StatusBlockedStock => ["Bloqueado por estoque", "Blocked by stock", "Bloqueado por stock"],
    StatusBlocked => ["Bloqueado", "Blocked", "Bloqueado"],
    StatusBilled => ["Faturado", "Invoiced", "Facturado"],
    OnThisDeviceLink => ["Ver o envio deste documento", "See how this document was sent", "Ver el envío de este documento"],
    ListPricesNoCustomer => [
        "Preços da tabela {list}, sem as condições de um cliente: escolha o cliente para ver os dele.",
        "Prices of list {list}, without a customer's terms: choose the customer to see theirs.",
        "Precios de la tabla {list}, sin las condiciones de un cliente: elija el cliente para ver las suyas."
    ],
    ReadyNoProducts => [
        "A seleção de hoje não tem produtos: sem eles não há pedidos offline. Escolha os produtos.",
        "Today's selection has no products: without them there are no offline orders. Choose the products.",
        "La selección de hoy no tiene productos: sin ellos no hay pedidos sin conexión. Elija los productos."
    ],
    ReadyNoCustomers => [
        "A seleção de hoje não tem clientes: sem eles não há pedidos offline. Escolha os clientes.",
        "Today's selection has no customers: without them there are no offline orders. Choose the customers.",
        "La selección de hoy no tiene clientes: sin ellos no hay pedidos sin conexión. Elija los clientes."
    ],
    Releases => ["Liberações", "Releases", "Liberaciones"],
    ReleasePortfolio => ["Em carteira", "In portfolio", "En cartera"],
    ReleaseReleased => ["Liberado", "Released", "Liberado"],
    ReleaseCreditBlock => ["Bloqueio de crédito", "Credit block", "Bloqueo de crédito"],
    ReleaseStockBlock => ["Bloqueio de estoque", "Stock block", "Bloqueo de stock"],
    ReleaseRuleBlock => ["Bloqueio por regra", "Rule block", "Bloqueo por regla"],
    ReleaseInvoiced => ["Faturado", "Invoiced", "Facturado"],
    QuantityOrdered => ["Qtd. pedida", "Ordered", "Cant. pedida"],
    QuantityReleased => ["Qtd. liberada", "Released", "Cant. liberada"],
    NoReleases => ["O ERP não informou as liberações deste pedido.", "The ERP gave no releases for this order.", "El ERP no informó las liberaciones de este pedido."],
    ExplainBlockedStock => ["Retido por falta de estoque; será liberado quando houver saldo.", "Held for lack of stock; it is released when stock arrives.", "Retenido por falta de stock; se libera cuando haya saldo."],
    StatusConverted => ["Efetivado em pedido", "Turned into an order", "Convertido en pedido"],
    StatusCancelled => ["Cancelado", "Cancelled", "Cancelado"],
    StatusOther => ["Outro", "Other", "Otro"],
    ExplainOpen => ["O pedido foi recebido e aguarda liberação.", "The order was received and awaits release.", "El pedido fue recibido y espera liberación."],
    ExplainReleased => ["Liberado: será separado e faturado.", "Released: it will be picked and invoiced.", "Liberado: será separado y facturado."],
    ExplainInvoiced => ["Faturado: veja as notas fiscais abaixo.", "Invoiced: see the invoices below.", "Facturado: vea las facturas abajo."],
    ExplainBlockedRule => ["Retido por uma regra comercial; o gerente precisa liberar.", "Held by a business rule; a manager must release it.", "Retenido por una regla comercial; el gerente debe liberarlo."],
    ExplainBlockedCredit => ["Retido por limite de crédito; o financeiro precisa liberar.", "Held by the credit limit; finance must release it.", "Retenido por límite de crédito; finanzas debe liberarlo."],
    Items => ["Itens", "Items", "Ítems"],
    Product => ["Produto", "Product", "Producto"],
    Description => ["Descrição", "Description", "Descripción"],
    Quantity => ["Quantidade", "Quantity", "Cantidad"],
    ListPrice => ["Preço de tabela", "List price", "Precio de lista"],
    UnitPrice => ["Preço unitário", "Unit price", "Precio unitario"],
    DiscountPct => ["Desconto %", "Discount %", "Descuento %"],
    DeliveryDate => ["Entrega", "Delivery", "Entrega"],
    CustomerOrder => ["Pedido do cliente", "Customer's order no.", "Pedido del cliente"],
    Invoices => ["Notas fiscais", "Invoices", "Facturas"],
    NoInvoices => ["Sem notas fiscais ainda.", "No invoices yet.", "Sin facturas aún."],
    Gross => ["Bruto", "Gross", "Bruto"],
    ItemDiscounts => ["Descontos nos itens", "Item discounts", "Descuentos en ítems"],
    HeaderDiscount => ["Desconto do pedido", "Order discount", "Descuento del pedido"],
    Freight => ["Frete", "Freight", "Flete"],
    Insurance => ["Seguro", "Insurance", "Seguro"],
    Expenses => ["Despesas", "Expenses", "Gastos"],
    Charges => ["Frete, seguro e despesas", "Freight, insurance and expenses", "Flete, seguro y gastos"],
    TotalBeforeTaxes => ["Total sem impostos", "Total before taxes", "Total sin impuestos"],
    Taxes => ["Impostos", "Taxes", "Impuestos"],
    TaxesAdded => ["Impostos somados (IPI, ST)", "Taxes added (IPI, ST)", "Impuestos sumados (IPI, ST)"],
    GrandTotal => ["Total com impostos", "Total with taxes", "Total con impuestos"],
    TaxesNeedConnection => ["Os impostos são calculados pelo ERP e precisam de conexão.", "Taxes are computed by the ERP and need a connection.", "Los impuestos los calcula el ERP y necesitan conexión."],
    Edit => ["Editar", "Edit", "Editar"],
    Delete => ["Excluir", "Delete", "Eliminar"],
    ConfirmDelete => ["Excluir este documento? Esta ação vai para o ERP.", "Delete this document? The ERP will be told.", "¿Eliminar este documento? Se enviará al ERP."],
    ConfirmDeleteTitle => ["Excluir documento?", "Delete the document?", "¿Eliminar el documento?"],
    Cancel => ["Cancelar", "Cancel", "Cancelar"],
    Implement => ["Efetivar em pedido", "Turn into an order", "Convertir en pedido"],
    CancelQuotation => ["Cancelar orçamento", "Cancel quotation", "Cancelar presupuesto"],
    OpenOrder => ["Abrir pedido {n}", "Open order {n}", "Abrir pedido {n}"],
    EditDocument => ["Editar documento", "Edit document", "Editar documento"],
    SentTitle => ["Documento no aparelho", "Document on this device", "Documento en el dispositivo"],
    // Form
    StepCustomer => ["1. Cliente", "1. Customer", "1. Cliente"],
    StepTerms => ["2. Condições", "2. Terms", "2. Condiciones"],
    StepItems => ["3. Itens", "3. Items", "3. Ítems"],
    StepReview => ["4. Revisar e enviar", "4. Review and send", "4. Revisar y enviar"],
    ChooseCustomer => ["Escolha o cliente", "Choose the customer", "Elija el cliente"],
    FreightType => ["Tipo de frete", "Freight type", "Tipo de flete"],
    FreightCif => ["CIF (por nossa conta)", "CIF (we pay)", "CIF (por nuestra cuenta)"],
    FreightFob => ["FOB (por conta do cliente)", "FOB (customer pays)", "FOB (por cuenta del cliente)"],
    FreightNone => ["Sem frete", "No freight", "Sin flete"],
    OperationType => ["Tipo de operação", "Operation type", "Tipo de operación"],
    Notes => ["Observações", "Notes", "Observaciones"],
    AddProduct => ["Adicionar produto", "Add product", "Agregar producto"],
    ProductSearchHint => ["Buscar produto por descrição ou código", "Search a product by description or code", "Buscar producto por descripción o código"],
    Remove => ["Remover", "Remove", "Quitar"],
    Back2 => ["Voltar", "Back", "Volver"],
    Continue => ["Continuar", "Continue", "Continuar"],
    Send => ["Enviar ao ERP", "Send to the ERP", "Enviar al ERP"],
    Sending => ["Enviando…", "Sending…", "Enviando…"],
    CalculateTaxes => ["Calcular impostos", "Calculate taxes", "Calcular impuestos"],
    FixErrors => ["Corrija os campos marcados.", "Fix the marked fields.", "Corrija los campos marcados."],
    ProblemRequired => ["Campo obrigatório.", "Required.", "Campo obligatorio."],
    ProblemPositive => ["Deve ser maior que zero.", "Must be greater than zero.", "Debe ser mayor que cero."],
    ProblemNotNegative => ["Não pode ser negativo.", "Cannot be negative.", "No puede ser negativo."],
    ProblemPercent => ["Entre 0 e 99,99 %.", "Between 0 and 99.99 %.", "Entre 0 y 99,99 %."],
    ProblemPast => ["A data não pode estar no passado.", "The date cannot be in the past.", "La fecha no puede estar en el pasado."],
    ProblemDate => ["Data inválida.", "Not a date.", "Fecha inválida."],
    ProblemNoItems => ["Inclua ao menos um item.", "Add at least one item.", "Agregue al menos un ítem."],
    NewProspect => ["Novo prospect", "New prospect", "Nuevo prospecto"],
    SaveProspect => ["Salvar prospect", "Save prospect", "Guardar prospecto"],
    ProblemTaxIdLength => ["CNPJ tem 14 dígitos e CPF 11.", "A CNPJ has 14 digits, a CPF 11.", "CNPJ tiene 14 dígitos y CPF 11."],
    ProblemTaxIdDigits => ["CNPJ/CPF inválido: confira os dígitos.", "Invalid CNPJ/CPF: check the digits.", "CNPJ/CPF inválido: revise los dígitos."],
    ProblemUf => ["UF desconhecida.", "Unknown state.", "Estado desconocido."],
    ProblemEmail => ["E-mail inválido.", "Invalid e-mail.", "Correo inválido."],
    // Sending state
    StatePending => ["Salvo no aparelho, não enviado", "Saved on the device, not sent", "Guardado en el dispositivo, no enviado"],
    StateQueued => ["Aguardando o ERP", "Waiting for the ERP", "Esperando al ERP"],
    StateProcessing => ["Em processamento no ERP", "Being processed by the ERP", "En proceso en el ERP"],
    StateSynced => ["Aceito pelo ERP: nº {n}", "Accepted by the ERP: no. {n}", "Aceptado por el ERP: n.º {n}"],
    StateError => ["Recusado pelo ERP", "Refused by the ERP", "Rechazado por el ERP"],
    FixAndResend => ["Corrija e envie de novo; nada do que foi digitado se perdeu.", "Fix it and send again; nothing you typed was lost.", "Corrija y envíe de nuevo; nada de lo escrito se perdió."],
    // Products
    NavProducts => ["Produtos", "Products", "Productos"],
    ProductsTitle => ["Produtos", "Products", "Productos"],
    Group => ["Grupo", "Group", "Grupo"],
    ProductType => ["Tipo", "Type", "Tipo"],
    Merchandise => ["Mercadoria (ME)", "Merchandise (ME)", "Mercadería (ME)"],
    FinishedGood => ["Produto acabado (PA)", "Finished good (PA)", "Producto terminado (PA)"],
    InStock => ["Com estoque", "In stock", "Con stock"],
    BasePrice => ["Preço base (sem tabela)", "Base price (no list)", "Precio base (sin lista)"],
    OnlyPriceList => ["Só produtos da tabela", "Only the list's products", "Solo productos de la lista"],
    NoProducts => ["Nenhum produto encontrado.", "No products found.", "Ningún producto encontrado."],
    Unit => ["Unidade", "Unit", "Unidad"],
    Price => ["Preço", "Price", "Precio"],
    Stock => ["Estoque", "Stock", "Stock"],
    // Finances
    Finances => ["Financeiro", "Finances", "Finanzas"],
    AvailableCredit => ["Crédito disponível", "Available credit", "Crédito disponible"],
    Delinquency => ["Inadimplência", "Overdue share", "Morosidad"],
    OldestDue => ["Vencimento mais antigo em aberto", "Oldest open due date", "Vencimiento abierto más antiguo"],
    OpenBills => ["Títulos em aberto", "Open bills", "Títulos abiertos"],
    BillSearchHint => ["Número do título ou data (dd/mm/aaaa)", "Bill number or date (mm/dd/yyyy)", "Número del título o fecha (dd/mm/aaaa)"],
    NoOpenBills => ["Nenhum título em aberto.", "No open bills.", "Ningún título abierto."],
    DueDate => ["Vencimento", "Due", "Vencimiento"],
    Balance => ["Saldo", "Balance", "Saldo"],
    PartlyPaid => ["Pago em parte", "Partly paid", "Pagado en parte"],
    // Sync
    PendingN => ["{n} a enviar", "{n} to send", "{n} por enviar"],
    SyncNow => ["Sincronizar agora", "Sync now", "Sincronizar ahora"],
    Syncing => ["Sincronizando…", "Syncing…", "Sincronizando…"],
    LastSync => ["Última sincronização", "Last sync", "Última sincronización"],
    // Notifications
    NotificationsTitle => ["Minhas Notificações", "My Notifications", "Mis Notificaciones"],
    NoticeOrder => ["Pedido", "Order", "Pedido"],
    NoticeQuotation => ["Orçamento", "Quotation", "Presupuesto"],
    NoticeCustomer => ["Cliente", "Customer", "Cliente"],
    NoticeProspect => ["Prospect", "Prospect", "Prospecto"],
    NoticeContact => ["Contato", "Contact", "Contacto"],
    NoticeContactRelation => ["Relação de contato", "Contact link", "Relación de contacto"],
    NoticeCreated => ["incluído", "created", "creado"],
    NoticeChanged => ["alterado", "changed", "modificado"],
    NoticeDeleted => ["excluído", "deleted", "eliminado"],
    NoticeFailed => ["com falha no ERP", "failed in the ERP", "con fallo en el ERP"],
    NoNotifications => ["Nenhuma notificação.", "No notifications.", "Ninguna notificación."],
    Open => ["Abrir", "Open", "Abrir"],
    MarkRead => ["Marcar como lida", "Mark as read", "Marcar como leída"],
    Unread => ["Não lida", "Unread", "No leída"],
    NotificationsOffline => [
        "As notificações vêm do ERP e precisam de conexão. Elas voltam assim que a conexão voltar.",
        "Notifications come from the ERP and need a connection. They come back as soon as you are online.",
        "Las notificaciones vienen del ERP y necesitan conexión. Vuelven en cuanto haya conexión."
    ],
    None => ["—", "—", "—"],
    DocumentsOffline => [
        "Sem conexão: aqui aparecem só os documentos feitos neste aparelho. Os totais não incluem impostos, que precisam da conexão.",
        "Offline: only the documents written on this device are listed. Totals have no taxes: taxes need the connection.",
        "Sin conexión: solo se listan los documentos hechos en este dispositivo. Los totales no incluyen impuestos, que necesitan conexión."
    ],
    LogoutKeepOnDevice => ["Sair e manter no aparelho", "Sign out, keep them here", "Salir y mantenerlos aquí"],
    StorageFull => [
        "O armazenamento do aparelho está cheio: nada foi salvo, o documento continua na tela. Libere espaço (por exemplo, uma seleção menor) e tente de novo.",
        "The device's storage is full: nothing was saved and the document is still on screen. Free some space (a smaller selection, say) and try again.",
        "El almacenamiento del dispositivo está lleno: no se guardó nada y el documento sigue en pantalla. Libere espacio (por ejemplo, una selección menor) e intente de nuevo."
    ],
    // Offline Configurator
    RemoveDeviceData => [
        "Remover os dados offline deste vendedor deste aparelho",
        "Remove this seller's offline data from this device",
        "Eliminar los datos sin conexión de este vendedor de este dispositivo"
    ],
    RemoveDeviceDataConfirm => [
        "Remover a seleção e os documentos já sincronizados deste aparelho? Nada pendente será perdido (não há nada pendente).",
        "Remove the selection and the already synced documents from this device? Nothing is pending, so nothing is lost.",
        "¿Eliminar la selección y los documentos ya sincronizados de este dispositivo? No hay nada pendiente, así que nada se pierde."
    ],
    Prospects => ["Prospects", "Prospects", "Prospectos"],
    ReadyForOffline => [
        "Pronto para trabalhar offline: seleção de {day}.",
        "Ready for offline: selection of {day}.",
        "Listo para trabajar sin conexión: selección de {day}."
    ],
    OfflineDownloading => [
        "Baixando a seleção de hoje para este aparelho…",
        "Downloading today's selection to this device…",
        "Descargando la selección de hoy a este dispositivo…"
    ],
    OfflineIncompleteOnline => [
        "A seleção de hoje ainda não está completa neste aparelho. Toque em “Baixar agora” para terminar.",
        "Today's selection is not complete on this device yet. Tap “Download now” to finish it.",
        "La selección de hoy aún no está completa en este dispositivo. Toque “Descargar ahora” para terminarla."
    ],
    RemoveDeviceDataTitle => ["Remover os dados offline?", "Remove the offline data?", "¿Eliminar los datos sin conexión?"],
    OfflineIncomplete => [
        "A seleção de hoje ainda não está completa neste aparelho; o download continua quando houver conexão.",
        "Today's selection is not complete on this device yet; the download resumes when connected.",
        "La selección de hoy aún no está completa en este dispositivo; la descarga sigue con conexión."
    ],
    // The browser's own rules on keeping the device's data (components/device_notices.rs)
    DataVanishedTitle => [
        "Os dados deste aparelho foram apagados",
        "This device's data was erased",
        "Los datos de este dispositivo fueron borrados"
    ],
    DataVanishedCopy => [
        "A seleção offline de {day} não está mais neste aparelho: o navegador a apagou desde o último acesso. Com conexão, o Mascate a baixa de novo: confira no Configurador Offline que ela está pronta antes de sair.",
        "The offline selection of {day} is no longer on this device: the browser erased it since your last visit. With a connection Mascate downloads it again: check in the Offline Configurator that it is ready before you go.",
        "La selección sin conexión del {day} ya no está en este dispositivo: el navegador la borró desde el último acceso. Con conexión, Mascate la descarga de nuevo: confirme en el Configurador sin conexión que está lista antes de salir."
    ],
    DataVanishedWhy => [
        "No iPad e no iPhone o Safari apaga os dados de um site após 7 dias sem uso, a menos que o Mascate esteja na tela de início.",
        "On an iPad or iPhone, Safari erases a site's data after 7 days without use unless Mascate is on the home screen.",
        "En el iPad y el iPhone, Safari borra los datos de un sitio tras 7 días sin uso, salvo que Mascate esté en la pantalla de inicio."
    ],
    InstallHintTitle => [
        "Adicione o Mascate à tela de início",
        "Add Mascate to the home screen",
        "Agregue Mascate a la pantalla de inicio"
    ],
    InstallHint => [
        "Neste iPad o Safari apaga os dados de um site após 7 dias sem uso, inclusive pedidos ainda não enviados. Para guardá-los: toque em Compartilhar (□↑) e depois em \"Adicionar à Tela de Início\", e abra o Mascate pelo ícone.",
        "On this iPad, Safari erases a site's data after 7 days without use, unsent orders included. To keep them: tap Share (□↑), then \"Add to Home Screen\", and open Mascate from its icon.",
        "En este iPad, Safari borra los datos de un sitio tras 7 días sin uso, incluidos los pedidos no enviados. Para conservarlos: toque Compartir (□↑), luego \"Agregar a pantalla de inicio\", y abra Mascate desde su ícono."
    ],
    Understood => ["Entendi", "Got it", "Entendido"],
    SelectionStale => [
        "A seleção neste aparelho é de {day}. Escolha a seleção de hoje para trabalhar offline.",
        "The selection on this device is from {day}. Choose today's selection to work offline.",
        "La selección en este dispositivo es del {day}. Elija la selección de hoy para trabajar sin conexión."
    ],
    NoSelectionToday => [
        "Nada selecionado para hoje. Escolha clientes e produtos para trabalhar offline.",
        "Nothing selected for today. Choose customers and products to work offline.",
        "Nada seleccionado para hoy. Elija clientes y productos para trabajar sin conexión."
    ],
    PrimingProgress => [
        "Baixando: {records}, {done} de {tables} tabelas",
        "Downloading: {records}, {done} of {tables} tables",
        "Descargando: {records}, {done} de {tables} tablas"
    ],
    DownloadNow => ["Baixar agora", "Download now", "Descargar ahora"],
    OnThisDevice => ["{n} neste aparelho", "{n} on this device", "{n} en este dispositivo"],
    SelectionNeedsConnection => [
        "Alterar a seleção precisa de conexão.",
        "Changing the selection needs a connection.",
        "Cambiar la selección necesita conexión."
    ],
    EditSelection => ["Alterar seleção", "Edit selection", "Cambiar selección"],
    StorageUsage => ["Armazenamento: {used} usados, {free} livres", "Storage: {used} used, {free} free", "Almacenamiento: {used} usados, {free} libres"],
    StoragePersistent => ["protegido contra limpeza automática", "protected from automatic clean-up", "protegido contra limpieza automática"],
    DownloadSize => [
        "Download do dia: {records}, cerca de {used} neste aparelho ({free} livres)",
        "The day's download: {records}, about {used} on this device ({free} free)",
        "Descarga del día: {records}, unos {used} en este dispositivo ({free} libres)"
    ],
    DownloadSizeNoFree => [
        "Download do dia: {records}, cerca de {used} neste aparelho",
        "The day's download: {records}, about {used} on this device",
        "Descarga del día: {records}, unos {used} en este dispositivo"
    ],
    DownloadSizeCounting => ["Calculando o tamanho do download…", "Working out the download's size…", "Calculando el tamaño de la descarga…"],
    DownloadTight => [
        "Cabe, mas ocupa quase todo o espaço livre deste aparelho.",
        "It fits, but takes almost all the free space on this device.",
        "Cabe, pero ocupa casi todo el espacio libre de este dispositivo."
    ],
    DownloadDoesNotFit => [
        "Não cabe neste aparelho: libere espaço ou escolha menos registros.",
        "It does not fit on this device: free some space or choose fewer records.",
        "No cabe en este dispositivo: libere espacio o elija menos registros."
    ],
    QuickFilterStep => ["1. Filtro rápido", "1. Quick filter", "1. Filtro rápido"],
    QuickFilter => ["Código, código do cliente ou descrição", "Code, customer code or description", "Código, código del cliente o descripción"],
    QuickFilterHint => ["ao menos 3 caracteres", "at least 3 characters", "al menos 3 caracteres"],
    QuickFilterTooShort => [
        "Digite ao menos 3 caracteres (ou deixe em branco).",
        "Type at least 3 characters (or leave it empty).",
        "Escriba al menos 3 caracteres (o déjelo vacío)."
    ],
    AdvancedFilterStep => ["2. Filtro avançado", "2. Advanced filter", "2. Filtro avanzado"],
    BoughtSince => ["Comprou desde", "Bought since", "Compró desde"],
    InStockOnly => ["Só com estoque", "Only in stock", "Solo con stock"],
    SelectAllFiltered => ["Selecionar todos os filtrados", "Select all filtered", "Seleccionar todos los filtrados"],
    ClearSelection => ["Limpar seleção", "Clear selection", "Limpiar selección"],
    SaveSelection => ["Salvar seleção de hoje", "Save today's selection", "Guardar selección de hoy"],
    // Issue 15: sales views, print and share, repeat, size estimate, safety net.
    NavInvoices => ["Notas Fiscais", "Invoices", "Facturas"],
    NavStatistics => ["Estatísticas", "Statistics", "Estadísticas"],
    DateFrom => ["Emissão de", "Issued from", "Emisión desde"],
    DateTo => ["Emissão até", "Issued to", "Emisión hasta"],
    NumberFrom => ["Número de", "Number from", "Número desde"],
    NumberTo => ["Número até", "Number to", "Número hasta"],
    DeliveryFrom => ["Entrega de", "Delivery from", "Entrega desde"],
    DeliveryTo => ["Entrega até", "Delivery to", "Entrega hasta"],
    ClearFilters => ["Limpar filtros", "Clear filters", "Limpiar filtros"],
    DatesReversed => [
        "A data inicial é depois da final.",
        "The first date is after the last.",
        "La fecha inicial es posterior a la final."
    ],
    IssuedOrInvoicedFrom => ["Emissão ou faturamento de", "Issued or invoiced from", "Emisión o facturación desde"],
    IssuedOrInvoicedTo => ["Emissão ou faturamento até", "Issued or invoiced to", "Emisión o facturación hasta"],
    TrackingDatesMean => [
        "Com um estado escolhido, o período vale para a data de emissão ou de faturamento do pedido, como no acompanhamento do ERP.",
        "With a state chosen, the period applies to the order's issue or invoice date, as in the ERP's tracking.",
        "Con un estado elegido, el período vale para la fecha de emisión o de facturación del pedido, como en el seguimiento del ERP."
    ],
    DateImpossible => ["Data inexistente", "No such date", "Fecha inexistente"],
    DateIncomplete => ["Data incompleta", "Incomplete date", "Fecha incompleta"],
    FilterNotApplied => ["Filtro de data não aplicado.", "Date filter not applied.", "Filtro de fecha no aplicado."],
    NumbersReversed => [
        "O número inicial é maior que o final.",
        "The first number is greater than the last.",
        "El número inicial es mayor que el final."
    ],
    InvoiceSearchHint => ["Nota, código ou nome do cliente", "Invoice, customer code or name", "Factura, código o nombre del cliente"],
    InvoiceNumber => ["Nota fiscal", "Invoice", "Factura"],
    Delivery => ["Entrega", "Delivery", "Entrega"],
    NoInvoicesFound => ["Nenhuma nota fiscal no período.", "No invoices in this period.", "Ninguna factura en el período."],
    NeedsMascateServer => [
        "Esta consulta é uma extensão do servidor Mascate; este ERP não a oferece.",
        "This view is a Mascate server extension; this ERP does not offer it.",
        "Esta consulta es una extensión del servidor Mascate; este ERP no la ofrece."
    ],
    NeedsConnection => ["Esta consulta precisa de conexão.", "This view needs a connection.", "Esta consulta necesita conexión."],
    GroupBy => ["Agrupar por", "Group by", "Agrupar por"],
    ByProduct => ["Produto", "Product", "Producto"],
    ByType => ["Tipo", "Type", "Tipo"],
    ByDescription => ["Descrição", "Description", "Descripción"],
    ByGroup => ["Grupo", "Group", "Grupo"],
    Currency => ["Moeda", "Currency", "Moneda"],
    CurrencyReal => ["Real (R$)", "Real (R$)", "Real (R$)"],
    CurrencyDollar => ["Dólar (US$)", "Dollar (US$)", "Dólar (US$)"],
    Measure => ["Medida no gráfico", "Chart measure", "Medida en el gráfico"],
    SoldQuantity => ["Qtd. vendida", "Sold qty", "Cant. vendida"],
    ReturnedQuantity => ["Qtd. devolvida", "Returned qty", "Cant. devuelta"],
    GrossValue => ["Valor bruto", "Gross value", "Valor bruto"],
    NetValue => ["Valor líquido", "Net value", "Valor neto"],
    BalanceToInvoice => ["Saldo a faturar", "To invoice", "Saldo a facturar"],
    Key => ["Código", "Code", "Código"],
    Total => ["Total", "Total", "Total"],
    PerMonth => ["por mês", "per month", "por mes"],
    NoSales => ["Nenhuma venda no período.", "No sales in this period.", "Ninguna venta en el período."],
    StatisticsHint => [
        "Vendido e valor bruto: notas fiscais emitidas no período; devolvido: devoluções no período; líquido: bruto menos devoluções; saldo: pedidos do período ainda não faturados.",
        "Sold and gross: invoices issued in the period; returned: returns in the period; net: gross less returns; balance: orders of the period not yet invoiced.",
        "Vendido y bruto: facturas emitidas en el período; devuelto: devoluciones del período; neto: bruto menos devoluciones; saldo: pedidos del período aún no facturados."
    ],
    SortedAscending => ["ordem crescente", "ascending", "orden ascendente"],
    SortedDescending => ["ordem decrescente", "descending", "orden descendente"],
    Contacts => ["Contatos", "Contacts", "Contactos"],
    NoContacts => ["Nenhum contato cadastrado.", "No contacts yet.", "Ningún contacto registrado."],
    AddContact => ["Adicionar contato", "Add contact", "Agregar contacto"],
    EditContact => ["Editar contato", "Edit contact", "Editar contacto"],
    ContactName => ["Nome", "Name", "Nombre"],
    Role => ["Cargo", "Role", "Cargo"],
    AreaCode => ["DDD", "Area code", "Código de área"],
    CellPhone => ["Celular", "Mobile", "Celular"],
    Call => ["Ligar", "Call", "Llamar"],
    WhatsApp => ["WhatsApp", "WhatsApp", "WhatsApp"],
    WriteEmail => ["E-mail", "E-mail", "Correo"],
    Save => ["Salvar", "Save", "Guardar"],
    Saving => ["Salvando…", "Saving…", "Guardando…"],
    ContactsReadOnlyOffline => [
        "Offline os contatos são só para consulta; para adicionar ou editar é preciso conexão.",
        "Offline, contacts are read-only; adding or editing needs a connection.",
        "Sin conexión los contactos son solo de consulta; agregar o editar necesita conexión."
    ],
    ProblemTooLong => ["Texto longo demais.", "Too long.", "Texto demasiado largo."],
    ProblemBadDdd => ["DDD inválido (2 dígitos).", "Invalid area code (2 digits).", "Código de área inválido (2 dígitos)."],
    ProblemBadPhone => ["Telefone inválido (8 ou 9 dígitos).", "Invalid phone (8 or 9 digits).", "Teléfono inválido (8 o 9 dígitos)."],
    ProblemBadEmail => ["E-mail inválido.", "Invalid e-mail.", "Correo inválido."],
    Print => ["Imprimir / PDF", "Print / PDF", "Imprimir / PDF"],
    Share => ["Compartilhar", "Share", "Compartir"],
    Copied => [
        "Resumo copiado: cole no WhatsApp ou no e-mail.",
        "Summary copied: paste it into WhatsApp or an e-mail.",
        "Resumen copiado: péguelo en WhatsApp o en un correo."
    ],
    CopyFailed => [
        "Não foi possível copiar; selecione o texto abaixo.",
        "Could not copy; select the text below.",
        "No se pudo copiar; seleccione el texto de abajo."
    ],
    RepeatOrder => ["Repetir pedido", "Repeat order", "Repetir pedido"],
    RepeatedFrom => [
        "Novo pedido com os itens do pedido {n}, aos preços de hoje.",
        "New order with the items of order {n}, at today's prices.",
        "Nuevo pedido con los ítems del pedido {n}, a los precios de hoy."
    ],
    NotSoldAnymore => [
        "Fora da tabela de preço de hoje (confira o preço): ",
        "Not in today's price list (check the price): ",
        "Fuera de la lista de precios de hoy (verifique el precio): "
    ],
    Seller => ["Vendedor", "Seller", "Vendedor"],
    Subtotal => ["Subtotal", "Subtotal", "Subtotal"],
    Discount => ["Desconto", "Discount", "Descuento"],
    ChargesShort => ["Frete, seguro e despesas", "Freight, insurance and expenses", "Flete, seguro y gastos"],
    TotalWithTaxes => ["Total com impostos", "Total with taxes", "Total con impuestos"],
    TaxesByErp => ["impostos calculados pelo ERP", "taxes calculated by the ERP", "impuestos calculados por el ERP"],
    NoNumberYet => ["(sem número)", "(no number yet)", "(sin número)"],
    LastPurchases => ["Últimas compras deste cliente", "This customer's last purchases", "Últimas compras de este cliente"],
    LastDate => ["Última", "Last", "Última"],
    AddThis => ["Adicionar", "Add", "Agregar"],
    Added => ["Adicionado", "Added", "Agregado"],
    NoLastPurchases => [
        "Sem compras anteriores registradas.",
        "No earlier purchases recorded.",
        "Sin compras anteriores registradas."
    ],
    SafetyNet => ["Cópia de segurança dos pendentes", "Backup of unsent documents", "Copia de seguridad de pendientes"],
    SafetyNetHint => [
        "Leve os documentos não enviados deste aparelho para outro, do mesmo vendedor: cada um chega ao ERP uma vez só.",
        "Take this device's unsent documents to another one of the same seller: each reaches the ERP once.",
        "Lleve los documentos no enviados de este dispositivo a otro del mismo vendedor: cada uno llega al ERP una sola vez."
    ],
    ExportUnsent => ["Exportar pendentes", "Export unsent", "Exportar pendientes"],
    Import => ["Importar", "Import", "Importar"],
    NothingToExport => ["Nada pendente para exportar.", "Nothing unsent to export.", "Nada pendiente para exportar."],
    Exported => ["Documentos exportados: {n}.", "Documents exported: {n}.", "Documentos exportados: {n}."],
    ImportDone => [
        "Importação concluída. Novos: {added} · atualizados: {replaced} · já presentes: {unchanged}.",
        "Import done. New: {added} · updated: {replaced} · already here: {unchanged}.",
        "Importación concluida. Nuevos: {added} · actualizados: {replaced} · ya presentes: {unchanged}."
    ],
    ImportNotAFile => [
        "Este arquivo não é uma exportação de pendentes do Mascate.",
        "This file is not an export of Mascate's unsent documents.",
        "Este archivo no es una exportación de pendientes de Mascate."
    ],
    ImportNewer => [
        "Arquivo de uma versão mais nova do Mascate: atualize o aplicativo.",
        "File from a newer Mascate: update the app.",
        "Archivo de una versión más nueva de Mascate: actualice la aplicación."
    ],
    ImportOtherSeller => [
        "Estes documentos são de outro vendedor ({n}); entre com ele para importar.",
        "These documents belong to another seller ({n}); sign in as them to import.",
        "Estos documentos son de otro vendedor ({n}); entre con él para importar."
    ],
    ImportDamaged => ["Documento danificado no arquivo: {n}.", "Damaged document in the file: {n}.", "Documento dañado en el archivo: {n}."],
    SyncLog => ["Histórico de envio", "Sending history", "Historial de envío"],
    LogSaved => ["Salvo no aparelho", "Saved on the device", "Guardado en el dispositivo"],
    LogEdited => ["Alterado", "Changed", "Modificado"],
    LogSent => ["Enviado à fila do ERP", "Sent to the ERP's queue", "Enviado a la cola del ERP"],
    LogUnreachable => ["Sem resposta (sem rede); nova tentativa depois", "No answer (no network); retried later", "Sin respuesta (sin red); nuevo intento después"],
    LogRejected => ["Recusado no envio", "Refused when sent", "Rechazado al enviar"],
    DownloadResumes => ["A seleção de hoje ainda não está completa neste aparelho: o ERP não pôde responder agora, e o download continua sozinho em instantes.", "Today's selection is not complete on this device yet: the ERP could not answer now, and the download goes on by itself shortly.", "La selección de hoy aún no está completa en este dispositivo: el ERP no pudo responder ahora, y la descarga sigue sola en instantes."],
    SendDeferred => ["O ERP não pôde receber agora; o Mascate envia de novo sozinho, sem nada a corrigir.", "The ERP could not take it now; Mascate sends it again by itself, with nothing to fix.", "El ERP no pudo recibirlo ahora; Mascate lo envía de nuevo solo, sin nada que corregir."],
    LogDeferred => ["O ERP não pôde receber agora; nova tentativa automática", "The ERP could not take it now; sent again automatically", "El ERP no pudo recibirlo ahora; nuevo intento automático"],
    LogWaiting => ["Na fila do ERP", "In the ERP's queue", "En la cola del ERP"],
    LogProcessing => ["Em processamento no ERP", "Being processed by the ERP", "En proceso en el ERP"],
    LogAccepted => ["Aceito pelo ERP", "Accepted by the ERP", "Aceptado por el ERP"],
    LogRefused => ["Recusado pelo ERP", "Refused by the ERP", "Rechazado por el ERP"],
    LogImported => ["Importado de arquivo", "Imported from a file", "Importado de un archivo"],
    ItemsN => ["itens: {n}", "items: {n}", "ítems: {n}"],
    Attempts => ["Tentativas sem sucesso: {n}", "Attempts that did not go through: {n}", "Intentos sin éxito: {n}"],
    // Issue 23: print and repeat
    TaxesIncludedInPrice => ["Impostos já inclusos no preço", "Taxes already in the prices", "Impuestos ya incluidos en el precio"],
    TaxesAddedOnTop => ["Impostos adicionados", "Taxes added", "Impuestos añadidos"],
    TaxesDifference => ["Diferença no total do ERP", "Difference in the ERP's total", "Diferencia en el total del ERP"],
    QuantityShort => ["Qtd.", "Qty", "Cant."],
    RepeatKeptDiscounts => [
        "Descontos dos itens mantidos do pedido {n}, aplicados aos preços de hoje.",
        "Item discounts kept from order {n}, applied to today's prices.",
        "Descuentos de los ítems mantenidos del pedido {n}, aplicados a los precios de hoy."
    ],
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

    /// The `{…}` holes of a text.
    fn holes(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> =
            text.match_indices('{').filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j])).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_hole_is_a_known_argument_and_every_language_has_the_same_ones() {
        let known: Vec<&str> = Arg::ALL.iter().map(|a| a.hole()).chain(["{n}"]).collect();
        for msg in Msg::ALL {
            let pt = holes(msg.text(Locale::PtBr));
            for locale in Locale::ALL {
                let these = holes(msg.text(locale));
                assert_eq!(these, pt, "{msg:?} in {locale:?}");
                assert!(these.iter().all(|h| known.contains(h)), "{msg:?} in {locale:?}: {these:?}");
            }
        }
    }

    #[test]
    fn portuguese_is_not_just_english() {
        let same = Msg::ALL.iter().filter(|m| m.text(Locale::PtBr) == m.text(Locale::En)).count();
        assert!(same * 5 < Msg::ALL.len(), "{same} of {} untranslated", Msg::ALL.len());
    }
}

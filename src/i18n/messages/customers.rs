//! Customers: the list, a customer's details and contacts (pages/customers.rs, pages/customer.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! customers {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
            // The list
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
            // A customer's details
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
            // A customer's contacts (pages/customer/contacts.rs)
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
        }
    };
}

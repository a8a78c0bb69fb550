//! Working offline: the Offline Configurator and the day's selection (pages/offline_configurator.rs,
//! pages/offline_selection.rs).
//! A link in the catalogue's chain: see `super`.

macro_rules! offline {
    ($next:ident $(, $rest:ident)* ; $($acc:tt)*) => {
        $next! { $($rest),* ; $($acc)*
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
            DownloadResumes => ["A seleção de hoje ainda não está completa neste aparelho: o ERP não pôde responder agora, e o download continua sozinho em instantes.", "Today's selection is not complete on this device yet: the ERP could not answer now, and the download goes on by itself shortly.", "La selección de hoy aún no está completa en este dispositivo: el ERP no pudo responder ahora, y la descarga sigue sola en instantes."],
            // Choosing the selection
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
        }
    };
}

//! The string table: one line per key, Chinese then English.
//!
//! The texts are compiled into native code only (tests, and `kam-strings`, which writes
//! them as one JSON table per language into the build). The app in the browser loads the
//! table of the language in use at start and the other one in the background
//! (`crate::i18n::install`), so its WebAssembly carries neither language's texts.

macro_rules! strings {
    ($($key:ident: $zh:literal, $en:literal;)*) => {
        /// All user-facing strings of one language. `repr(C)` with every field a
        /// `&'static str`: laid out exactly as an array of them (see `leak`).
        #[repr(C)]
        pub struct Strings {
            $(pub $key: &'static str,)*
        }

        /// Identifies this list of keys, in this order: a table written for another
        /// build is refused rather than read into the wrong fields.
        pub const FINGERPRINT: u64 = fingerprint(&[$(stringify!($key),)*]);

        /// How many keys there are.
        const COUNT: usize = [$(stringify!($key),)*].len();

        const _: () = assert!(
            std::mem::size_of::<Strings>() == std::mem::size_of::<[&str; COUNT]>()
                && std::mem::align_of::<Strings>() == std::mem::align_of::<[&str; COUNT]>()
        );

        impl Strings {
            /// The table of `texts`, in key order, for the rest of the program; none if
            /// they do not fit the keys.
            pub fn leak(texts: Vec<&'static str>) -> Option<&'static Strings> {
                let texts: Box<[&'static str; COUNT]> = texts.into_boxed_slice().try_into().ok()?;
                let table = Box::into_raw(texts).cast::<Strings>();
                // SAFETY: `Strings` is `repr(C)` and all its COUNT fields are
                // `&'static str`, so it has the size, alignment and field offsets of
                // `[&'static str; COUNT]` (checked below): the array's memory is a valid
                // `Strings`. The box is never freed, so the reference is `'static`.
                // (Setting 647 fields one by one compiled to 26 KB of WebAssembly.)
                Some(unsafe { &*table })
            }

            /// Every key's text blank: what shows before a language is loaded (never,
            /// as the app starts only once one is).
            pub const BLANK: Strings = Strings { $($key: "",)* };

            /// Every (key, text) pair, for completeness tests and the tables' writer.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        pub static ZH: Strings = Strings { $($key: $zh,)* };
        #[cfg(not(target_arch = "wasm32"))]
        pub static EN: Strings = Strings { $($key: $en,)* };
    };
}

/// FNV-1a over the key names, each followed by a separator, at compile time.
const fn fingerprint(keys: &[&str]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut k = 0;
    while k < keys.len() {
        let bytes = keys[k].as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            let byte = if i < bytes.len() { bytes[i] } else { b'\n' };
            hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        k += 1;
    }
    hash
}

strings! {
    // Shell
    texts_load_failed: "无法加载全部界面文字（{0}）。请检查与服务器的连接后刷新页面。", "Not all of the interface texts could be loaded ({0}). Check the connection to the server and reload the page.";
    language_load_failed: "无法加载另一种语言的界面文字（{0}）。请检查连接后重试。", "The other language could not be loaded ({0}). Check the connection and try again.";
    page_loading: "正在加载页面…", "Loading the page…";
    page_unavailable: "无法加载此页面：可能与服务器的连接已中断。你的数据仍安全地保存在本浏览器中。恢复连接后请重试。", "This page could not be loaded: the connection to the server may be gone. Your data is safe in this browser. Try again once the connection is back.";
    try_again: "重试", "Try again";
    app_title: "大客户管理工作台", "Key-account workbench";
    nav_label: "主导航", "Main navigation";
    nav_accounts: "客户档案", "Accounts";
    nav_model: "评估标准", "Scoring model";
    nav_ranking: "排序与分级", "Ranking & tiers";
    nav_matrix: "评估矩阵", "Matrix";
    menu: "菜单", "Menu";
    nav_pyramid: "客户金字塔", "Pyramid";
    language_switch_to: "English", "中文";
    language_switch_label: "切换语言", "Switch language";
    save_saved: "已保存", "Saved";
    save_saving: "正在保存…", "Saving…";
    save_not_saved: "未保存", "Not saved";
    model_loaded_as_draft: "此工作区的评估标准不符合规则（例如某一维度的权重合计不是 100%），因此未生效：它已作为草稿保留，待修正后应用；在此之前使用默认评估标准。", "This workspace's scoring model breaks the rules (e.g. an axis's weights do not total 100%), so it is not in force: it is kept as the draft to fix and apply; until then the default model is used.";
    model_open_draft: "打开评估标准", "Open the scoring model";
    save_nothing_yet: "尚未保存任何内容", "Nothing saved yet";
    save_status_label: "保存状态", "Save status";
    workspace_menu: "工作区", "Workspace";
    export_workspace: "导出工作区文件", "Export workspace file";
    import_workspace: "导入工作区文件…", "Import workspace file…";
    dismiss: "关闭", "Dismiss";
    cancel: "取消", "Cancel";
    list_separator: "、", ", ";
    colon: "：", ": ";
    date_template: "{0}年{1}月{2}日", "{2} {1} {0}";
    month_names: "1|2|3|4|5|6|7|8|9|10|11|12", "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    no_value: "—", "—";
    required_hint: "必填", "required";

    // Named workspaces and the demo
    workspaces_title: "工作区", "Workspaces";
    workspaces_intro: "同一浏览器中可以保存多个工作区，例如自己的客户和培训演示；它们的数据互不影响。", "One browser can keep several workspaces, such as your own accounts and the workshop demo; their data never mixes.";
    workspace_default_name: "我的客户", "My accounts";
    demo_name: "培训演示（虚构数据）", "Workshop demo (fictional data)";
    demo_badge: "演示", "Demo";
    current_workspace: "当前工作区", "Open now";
    open_workspace: "打开", "Open";
    rename_workspace: "重命名", "Rename";
    save_name: "保存名称", "Save name";
    duplicate_workspace: "复制", "Duplicate";
    copy_of: "{0} 的副本", "Copy of {0}";
    new_workspace: "新建空白工作区", "New empty workspace";
    workspace_name: "工作区名称", "Workspace name";
    workspace_name_required: "请填写工作区名称。", "Give the workspace a name.";
    delete_workspace: "删除", "Delete";
    delete_workspace_confirm: "删除工作区“{0}”及其全部数据？删除后无法恢复，建议先导出。", "Delete the workspace “{0}” and all its data? This cannot be undone; export it first to keep a copy.";
    export_first: "先导出", "Export it first";
    storage_usage: "浏览器存储：已使用 {0}%（约 {1} / {2} 百万字符）。", "Browser storage: {0}% used ({1} of {2} million characters).";
    storage_usage_label: "浏览器存储已使用的比例", "Share of browser storage used";
    storage_nearly_full: "浏览器存储已使用 {0}%，即将用满。请导出工作区文件，并删除不再需要的工作区（包括演示），以免保存失败。", "This browser's storage is {0}% full. Export workspace files and delete the workspaces you no longer need (the demo too) before saving fails.";
    workspace_accounts: "{0} 个客户", "{0} {0:account|accounts}";
    load_demo: "载入培训演示", "Load the workshop demo";
    reset_demo: "重置演示", "Reset the demo";
    demo_banner: "这是培训演示工作区，数据均为虚构。在这里的修改不会影响其他工作区，随时可以重置。", "This is the workshop demo: all data is fictional. Changes here never touch your other workspaces, and you can reset it at any time.";
    demo_reset_done: "演示已重置。", "The demo was reset.";
    demo_other_language: "演示数据是英文的。要用中文重新生成吗？在演示中所做的修改将被替换。", "The demo data is in Chinese. Build it again in English? Changes made in the demo will be replaced.";
    demo_rebuild: "用中文重新生成演示", "Rebuild the demo in English";
    demo_rebuilt: "已用中文重新生成演示。", "The demo was rebuilt in English.";
    workspace_failed: "操作未完成：{0}", "That did not work: {0}";
    error_storage_blocked: "浏览器不允许本应用保存数据", "the browser does not let this app store data";
    error_storage_full: "浏览器的存储空间已满", "the browser's storage is full";
    error_storage_other: "浏览器未能保存（{0}）", "the browser could not store it ({0})";
    error_name_missing: "工作区需要一个名称", "a workspace needs a name";
    error_workspace_unknown: "找不到该工作区，它可能已在另一个标签页中删除", "that workspace no longer exists; it may have been deleted in another tab";
    error_deleting_open: "不能删除当前打开的工作区", "the open workspace cannot be deleted";
    error_nothing_stored: "该工作区没有保存任何数据", "nothing is stored for that workspace";
    error_module: "无法加载所需的程序部分（{0}），请检查与服务器的连接", "a part of the app could not be loaded ({0}); check the connection to the server";
    error_closed: "页面正在关闭", "the page is closing";
    error_part: "无法加载所需的程序部分，请检查与服务器的连接后重试", "a part of the app could not be loaded; check the connection to the server and try again";
    first_run_title: "欢迎使用大客户管理工作台", "Welcome to the key-account workbench";
    first_run_intro: "按照客户重要性排序的方法，分几步找出最值得投入的客户：", "Follow the customer-prioritization method to find the accounts most worth your effort, step by step:";
    first_run_step1: "客户档案：登记客户和潜在客户的基本信息。", "Accounts: register your customers and prospects.";
    first_run_step2: "评估标准：确定吸引力和可行性两个维度的标准与权重。", "Scoring model: set the criteria and weights on the two axes, attractiveness and feasibility.";
    first_run_step3: "筛选与评分：回答四个筛选问题，为每项标准打 1–10 分。", "Screening and scoring: answer four screening questions and score every criterion 1–10.";
    first_run_step4: "排序与分级：查看排名、级别以及分级原因。", "Ranking and tiers: see the ranking, the tiers and why each account is where it is.";
    first_run_step5: "评估矩阵与客户金字塔：一眼看清客户组合。", "Matrix and pyramid: see the whole portfolio at a glance.";
    start_demo: "从培训演示开始", "Start from the demo";
    start_empty: "新增第一个客户", "Add the first account";

    // Storage notices
    storage_blocked: "浏览器禁止本应用使用本地存储，修改不会被保存。请用“导出工作区文件”保留数据。", "This browser blocks local storage for this app, so changes are not saved. Use “Export workspace file” to keep your data.";
    save_failed_quota: "未能保存：浏览器的存储空间已满。当前数据仍可继续使用，请立即导出工作区文件。", "Not saved: the browser's storage is full. Your data is still here; export the workspace file now.";
    save_failed_other: "未能保存：{0}。当前数据仍可继续使用，请导出工作区文件。", "Not saved: {0}. Your data is still here; export the workspace file.";
    stored_unreadable: "无法读取本浏览器中保存的数据：{0}。原数据已原样另存（{1}），没有被覆盖；你可以下载它。", "The data saved in this browser could not be read: {0}. It is kept unchanged (under {1}) and nothing overwrote it; you can download it.";
    stored_unreadable_not_kept: "无法读取本浏览器中保存的数据：{0}。也无法另存副本，因此在你下载它之前，本页不会保存任何修改，以免覆盖原数据。", "The data saved in this browser could not be read: {0}. It could not be copied aside either, so this page saves nothing until you have downloaded it, to avoid overwriting it.";
    download_unreadable: "下载原数据", "Download the saved data";
    other_tab_updated: "另一个标签页修改了数据，本页已同步显示。", "Another tab changed the data; this page now shows it.";
    tab_conflict_notice: "本页有尚未保存的修改时，另一个标签页保存了这个工作区。两个版本都已保留，本页暂停保存，请选择如何处理。", "Another tab saved this workspace while this tab had edits not yet saved. Both versions are kept, and saving here is paused until you choose.";
    tab_conflict_compare: "并排比较，逐项选择", "Compare side by side";
    tab_conflict_keep_mine: "保留本页版本（覆盖另一标签页的保存）", "Keep this tab's version (replaces the other tab's save)";
    tab_conflict_take_theirs: "采用另一标签页的版本（放弃本页未保存的修改）", "Take the other tab's version (drops this tab's unsaved edits)";
    tab_conflict_choose_first: "另一个标签页保存了这个工作区的另一个版本，请先在页面顶部选择保留哪个版本。", "Another tab saved a different version of this workspace: first choose, at the top of the page, which to keep.";
    tab_conflict_source: "另一个标签页的保存", "another tab's save";
    tab_conflict_merge_hint: "左列是本页的版本（含未保存的修改），右列是另一个标签页保存的版本。逐项选择后点击“执行合并”，结果会保存，其他标签页也会看到。只在另一版本中的客户可勾选加入；只在本页版本中的客户保留。", "Left: this tab's version, with its unsaved edits. Right: the version another tab saved. Choose field by field, then apply: the result is saved and the other tabs see it. Accounts only in the other version can be ticked to add; accounts only in this tab's version stay.";
    merge_col_this_tab: "本页的", "This tab's";
    merge_col_other_tab: "另一标签页的", "Other tab's";
    merge_keep_this_tab: "保留本页的", "Keep this tab's";
    merge_take_other_tab: "采用另一标签页的", "Take the other tab's";
    merge_keep_all_this_tab: "本客户全部保留本页的", "Keep all of this tab's";
    merge_take_all_other_tab: "本客户全部采用另一标签页的", "Take all of the other tab's";
    merge_everywhere_this_tab: "所有客户都保留本页的", "Keep this tab's for every account";
    merge_everywhere_other_tab: "所有客户都采用另一标签页的", "Take the other tab's for every account";
    workspace_deleted_elsewhere: "另一个标签页删除了本页正在使用的工作区。本页已停止保存，以免覆盖其他工作区；如需保留，请立即导出。", "Another tab deleted the workspace open on this page. This page has stopped saving so as not to overwrite another workspace; export it now to keep it.";
    update_ready: "工作台有新版本可用。", "A new version of the workbench is ready.";
    update_reload: "重新加载以使用新版本", "Reload to use it";
    other_tab_unreadable: "另一个标签页写入了本版本无法读取的数据（{0}）。本页已停止保存以免覆盖，请刷新页面。", "Another tab wrote data this version cannot read ({0}). This page has stopped saving so as not to overwrite it; reload the page.";

    // Load errors (stored data and imported files)
    load_error_not_json: "不是有效的 JSON（{0}）", "not valid JSON ({0})";
    load_error_wrong_format: "这不是大客户管理工作台的工作区文件", "this is not a workspace file of the key-account workbench";
    load_error_bad_version: "版本号“{0}”无效", "the version number “{0}” is not valid";
    load_error_newer: "它来自更新的版本（格式版本 {0}），本版本最高只能读取格式版本 {1}；请使用更新的应用", "it comes from a newer version (format version {0}); this version reads up to format version {1}: use a newer app";
    load_error_workspace_missing: "文件中没有工作区数据", "the file holds no workspace";
    load_error_migration: "从格式版本 {0} 升级数据失败（{1}）", "upgrading the data from format version {0} failed ({1})";
    load_error_invalid: "工作区数据的结构不正确（{0}）", "the workspace data does not have the expected shape ({0})";
    load_error_too_large: "文件过大：最多 32 MB、100,000 个客户。请只导出需要的客户后再试", "it is too large: at most 32 MB and 100,000 accounts. Export only the accounts needed, then try again";

    // Workspace file import
    import_confirm_title: "用导入的文件替换当前工作区？", "Replace the current workspace with the imported file?";
    import_confirm_body: "文件“{0}”包含 {1} 个客户。当前工作区的 {2} 个客户及评估标准将被替换。如需保留，请先导出当前工作区。", "The file “{0}” holds {1} {1:account|accounts}. The current workspace's {2} {2:account|accounts} and its scoring model will be replaced. To keep them, export the current workspace first.";
    import_replace: "替换当前工作区", "Replace the current workspace";
    import_done: "已导入“{0}”：{1} 个客户。", "Imported “{0}”: {1} {1:account|accounts}.";
    import_failed: "无法导入“{0}”：{1}。当前工作区没有任何改变。", "Could not import “{0}”: {1}. The current workspace is unchanged.";
    file_read_failed: "无法读取文件", "the file could not be read";
    export_failed: "无法导出：{0}", "Could not export: {0}";
    export_cells_cut: "{0} 个单元格超过 Excel 的上限（32,767 个字符），在 XLSX 文件中已截短并以“…”标出；CSV 文件保留完整内容。", "{0} {0:cell was|cells were} longer than Excel allows (32,767 characters) and {0:is|are} cut in the XLSX file, marked with “…”; the CSV file keeps {0:it|them} whole.";

    // Accounts list
    accounts_title: "客户档案", "Accounts";
    accounts_empty: "在这里登记你的客户和潜在客户：这是评估、排序和分级的起点。", "Register your customers and prospects here: it is where scoring, ranking and tiering start.";
    add_account: "新增客户", "Add account";
    search_label: "搜索", "Search";
    search_placeholder: "名称、编号、行业、联系人…", "Name, number, industry, contact…";
    filter_segment: "细分市场", "Segment";
    filter_tier: "级别", "Tier";
    filter_size: "规模", "Size band";
    filter_all: "全部", "All";
    count_shown: "显示 {0} / {1} 个客户", "Showing {0} of {1} {1:account|accounts}";
    no_match: "没有符合条件的客户。", "No account matches the search and filters.";
    show_more: "显示更多（已显示 {0} / {1}）", "Show more ({0} of {1} shown)";
    clear_filters: "清除筛选", "Clear filters";
    sort_by: "按此列排序", "Sort by this column";

    // Account fields
    field_number: "客户编号", "Customer no.";
    field_name: "客户名称", "Name";
    field_industry: "行业", "Industry";
    field_segment: "细分市场", "Segment";
    field_ownership: "所有制", "Ownership";
    field_size_band: "规模", "Size band";
    field_company_type: "公司类型", "Company type";
    field_address: "地址", "Address";
    field_contact_person: "联系人", "Contact person";
    field_position: "职位", "Position";
    field_phone: "电话", "Phone";
    field_email: "电子邮件", "E-mail";
    field_employees: "员工人数", "Employees";
    field_main_products: "主要产品和服务", "Main products and services";
    field_main_partners: "主要合作伙伴", "Main partners";
    field_relationship: "客户状态", "Status";
    not_set: "未填写", "Not set";
    ownership_state_owned: "国有", "State-owned";
    ownership_joint_venture: "合资", "Joint venture";
    ownership_private: "民营", "Private";
    ownership_foreign: "外资", "Foreign";
    ownership_other: "其他", "Other";
    size_large: "大型", "Large";
    size_medium: "中型", "Medium";
    size_small: "小型", "Small";
    relationship_customer: "现有客户", "Customer";
    relationship_prospect: "潜在客户", "Prospect";
    problem_name_missing: "请填写客户名称。", "Enter the account's name.";
    problem_duplicate_number: "该编号已被“{0}”使用。", "This number is already used by “{0}”.";
    problem_email_invalid: "电子邮件地址的格式看起来不正确。", "This e-mail address does not look right.";
    problem_employees: "员工人数须为不小于 0 的整数。", "Employees must be a whole number, 0 or more.";
    name_kept: "名称为空时不保存，仍使用原名称。", "An empty name is not saved; the previous name stays.";

    // New account
    new_account_title: "新增客户", "New account";
    create_account: "创建客户", "Create account";

    // Account page
    back_to_accounts: "← 返回客户档案", "← Back to accounts";
    account_not_found: "找不到编号为 {0} 的客户，它可能已被删除。", "There is no account with id {0}; it may have been deleted.";
    section_basic: "基本信息", "Basic information";
    section_screening: "筛选", "Screening";
    screening_intro: "评分前先回答四个问题：任何一项回答“否”，该客户即不考虑发展。", "Answer four questions before scoring: a single “no” means the account is not pursued.";
    gate_reachable: "可达性：能通过我们现有的渠道接触到该客户", "Reachable: we can reach them through a channel we have";
    gate_profitable: "盈利性：经济分析表明有利可图", "Profitable: the economic analysis shows a profit";
    gate_implementable: "可实施性：我们的常规解决方案可以实施", "Implementable: our usual solution can be implemented there";
    gate_sustainable: "可持续性：我们能保持领先于竞争对手", "Sustainable: we can stay ahead of competitors there";
    gate_reachable_short: "可达性", "reachable";
    gate_profitable_short: "盈利性", "profitable";
    gate_implementable_short: "可实施性", "implementable";
    gate_sustainable_short: "可持续性", "sustainable";
    gate_reachable_failed: "无法接触", "not reachable";
    gate_profitable_failed: "无利可图", "not profitable";
    gate_implementable_failed: "无法实施", "not implementable";
    gate_sustainable_failed: "无法持续领先", "not sustainable";
    answer_yes: "是", "Yes";
    answer_no: "否", "No";
    answer_unknown: "未知", "Unknown";
    screening_note: "筛选说明", "Screening note";
    screening_passed: "已通过筛选", "Passed screening";
    screening_failed: "未通过筛选：{0}", "Failed screening: {0}";
    screening_pending: "筛选未完成，尚待回答：{0}", "Screening not finished; still to answer: {0}";
    section_scoring: "评分", "Scoring";
    scoring_intro: "按 1–10 的整数为每项标准打分，可附说明。未打分的项目不会按 0 分计算：评分完整后才会分级。", "Score each criterion with a whole number from 1 to 10, with a note if you like. A missing score never counts as 0: the account is tiered once every criterion is scored.";
    score_for: "{0}的得分", "Score for {0}";
    note_for: "{0}的说明", "Note for {0}";
    note_placeholder: "说明（可选）", "Note (optional)";
    score_range: "1–10", "1–10";
    score_invalid: "分数须为 1–10 的整数。", "A score is a whole number from 1 to 10.";
    guide_low: "1 分", "1";
    guide_mid: "5 分", "5";
    guide_high: "10 分", "10";
    axis_total: "{0}加权得分", "{0} weighted score";
    incomplete: "评分不完整", "Incomplete";
    still_to_score: "尚未打分：{0}", "Not scored yet: {0}";
    section_tier: "级别及原因", "Tier and why";
    tier1: "一级客户", "Tier 1";
    tier2: "二级客户", "Tier 2";
    tier3: "三级客户", "Tier 3";
    not_pursued: "不考虑发展", "Not pursued";
    untiered: "未分级", "Not tiered";
    failed_screening_badge: "未通过筛选", "Failed screening";
    overridden_badge: "人工调整", "Overridden";
    why_criterion: "标准", "Criterion";
    why_weight: "权重", "Weight";
    why_score: "得分", "Score";
    why_contribution: "得分 × 权重", "Score × weight";
    why_high: "{0}得分 {1} ≥ 阈值 {2}：高", "{0} score {1} ≥ threshold {2}: high";
    why_low: "{0}得分 {1} < 阈值 {2}：低", "{0} score {1} < threshold {2}: low";
    why_rule_result: "按分级规则：{0}", "By the tier rule: {0}";
    why_failed_screening: "未通过筛选（{0}），因此不考虑发展，与得分无关。", "Failed screening ({0}), so not pursued whatever the scores.";
    why_incomplete: "评分不完整，暂不分级。", "Scoring is incomplete, so there is no tier yet.";
    why_override: "经理将级别调整为“{0}”（按规则为“{1}”）。原因：{2}（{3}）", "A manager set the tier to “{0}” (the rule gives “{1}”). Reason: {2} ({3})";
    override_heading: "人工调整级别", "Override the tier";
    override_tier: "调整为", "Set the tier to";
    override_reason: "调整原因", "Reason for the override";
    override_apply: "调整级别", "Override";
    override_remove: "取消人工调整", "Remove the override";
    override_reason_required: "请填写调整原因。", "Give a reason for the override.";
    guidance_principle: "服务原则", "Service principle";
    guidance_cadence: "默认联络频率", "Default contact cadence";
    delete_account: "删除客户", "Delete account";
    delete_confirm: "删除“{0}”？它的全部评分将一并删除。如需保留，请先导出工作区文件。", "Delete “{0}”? Its scores go with it. To keep them, export the workspace file first.";
    delete: "删除", "Delete";
    deleted: "已删除“{0}”。", "Deleted “{0}”.";
    undo: "撤销", "Undo";

    // Scoring model
    model_title: "评估标准", "Scoring model";
    model_intro: "两个维度各有一组带权重的标准，每个维度的权重合计必须为 100%。修改先保存为草稿，点击“应用”后才生效。", "Each of the two axes has a set of weighted criteria, and the weights on each axis must total 100%. Edits are kept as a draft and take effect when you apply them.";
    axis_attractiveness: "客户的吸引力", "Attractiveness of the customer";
    axis_feasibility: "服务客户的可行性", "Feasibility of serving the customer";
    col_attractiveness: "吸引力", "Attractiveness";
    col_feasibility: "可行性", "Feasibility";
    col_combined: "综合得分", "Combined";
    criterion_name_zh: "中文名称", "Chinese name";
    criterion_name_en: "英文名称", "English name";
    criterion_weight: "权重（%）", "Weight (%)";
    criterion_guide: "评分指南", "Scoring guide";
    guide_low_label: "1 分表示", "1 means";
    guide_mid_label: "5 分表示", "5 means";
    guide_high_label: "10 分表示", "10 means";
    remove_criterion: "删除此标准", "Remove this criterion";
    add_criterion: "添加标准", "Add criterion";
    weight_total: "合计 {0}%", "Total {0}%";
    weight_total_bad: "合计 {0}%，须为 100%", "Total {0}%: must be 100%";
    apply_model: "应用", "Apply";
    discard_draft: "放弃修改", "Discard changes";
    restore_default_model: "恢复默认标准", "Restore the default model";
    model_applied: "新的评估标准已生效，所有客户已重新计算。", "The new scoring model is in force; every account was recalculated.";
    model_refused: "无法应用，当前生效的评估标准保持不变：", "Cannot apply; the model in force stays unchanged:";
    model_draft_pending: "有尚未应用的修改（草稿已自动保存）。", "There are changes not yet applied (the draft is saved).";
    model_in_force: "当前评估标准已生效。", "This scoring model is in force.";
    model_error_weights: "{0}的权重合计为 {1}%，须为 100%", "the weights on {0} total {1}%, not 100%";
    model_error_no_criteria: "{0}至少需要一项标准", "{0} needs at least one criterion";
    model_error_name_missing: "每项标准都需要名称（中文或英文）", "every criterion needs a name (Chinese or English)";
    model_error_weight_range: "“{0}”的权重 {1}% 不在 1–100% 之间", "the weight of “{0}”, {1}%, is not between 1% and 100%";
    unnamed_criterion: "（未命名）", "(unnamed)";

    // Ranking & tiers
    ranking_title: "排序与分级", "Ranking & tiers";
    ranking_empty: "还没有客户。登记客户并打分后，这里会显示排名、得分和级别。", "No accounts yet. Once accounts are registered and scored, their rank, scores and tiers appear here.";
    col_rank: "排名", "Rank";
    col_tier: "级别", "Tier";
    col_screening: "筛选", "Screening";
    thresholds_heading: "分级阈值", "Tier thresholds";
    threshold_for: "{0}阈值", "{0} threshold";
    threshold_help: "得分大于或等于阈值即为“高”。调整阈值会立即重新分级。", "A score at or above the threshold counts as high. Changing a threshold re-tiers at once.";
    threshold_invalid: "阈值须在 1.0 到 10.0 之间，最多一位小数。", "A threshold is between 1.0 and 10.0, with at most one decimal.";
    tier_sizes_heading: "各级计划数量与实际数量", "Planned and actual tier sizes";
    col_planned: "计划", "Planned";
    col_actual: "实际", "Actual";
    planned_rest: "其余（{0}）", "the rest ({0})";
    planned_rest_hint: "“{0}”的计划数是其余：已分级的客户数减去一至三级的计划数。", "“{0}” is planned as the rest: the accounts with a tier less those planned for tiers 1 to 3.";
    planned_too_many: "计划的一至三级客户共 {0} 个，多于已分级的 {1} 个客户，无法达成。", "The plan asks for {0} {0:account|accounts} in tiers 1 to 3, more than the {1} {1:account|accounts} with a tier: it cannot be met.";
    planned_scale: "按比例缩减为 {0} 个", "Scale down to {0}";
    filling_over: "超出计划 {0}", "{0} over plan";
    filling_under: "少于计划 {0}", "{0} under plan";
    planned_invalid: "计划数量须为不小于 0 的整数。", "A planned size is a whole number, 0 or more.";
    untiered_count: "{0} 个客户评分不完整，尚未分级。", "{0} {0:account is|accounts are} not fully scored and not tiered yet.";
    tier_guidance_heading: "各级服务原则与联络频率", "Service principle and contact cadence per tier";
    // Matrix
    matrix_title: "客户评估矩阵", "Attractiveness × feasibility matrix";
    matrix_help: "将鼠标移到点上或点按一个点即可查看客户，也可以选中图表后用方向键逐个查看；点击点或按回车键打开客户。", "Point at or tap a marker to read it, or select the chart and use the arrow keys to go from account to account; click it or press Enter to open the account.";
    matrix_label: "客户评估矩阵：用方向键逐个查看客户，回车键打开", "Evaluation matrix: arrow keys go from account to account, Enter opens";
    matrix_shown: "矩阵上显示 {0} 个客户。", "{0} {0:account|accounts} on the matrix.";
    matrix_not_shown: "{0} 个客户因评分不完整未显示。", "{0} {0:account is|accounts are} not shown because {0:it is|they are} not fully scored.";
    matrix_empty: "还没有评分完整的客户。为客户的每项标准打分后，它们会出现在矩阵上。", "No account is fully scored yet. Once every criterion of an account is scored, it appears on the matrix.";
    zone_tier1: "一级客户 · 着重发展", "Tier 1 · focus and develop";
    zone_tier2: "二级客户 · 利用资源有效发展", "Tier 2 · develop with existing resources";
    zone_tier3: "三级客户 · 积极投资", "Tier 3 · invest to develop";
    zone_not_pursued: "不考虑发展 · 勇于说“不”", "Not pursued · dare to say no";
    matrix_help_touch: "点按一个点查看客户，再点按它的名称打开客户。图下的列表列出矩阵上的每个客户。", "Tap a marker to read it, then tap its name to open the account. The list below the chart names every account on the matrix.";
    matrix_list_title: "矩阵上的客户", "Accounts on the matrix";
    matrix_list_scores: "吸引力 {0} · 可行性 {1}", "attractiveness {0} · feasibility {1}";
    point_summary: "{0}：吸引力 {1}，可行性 {2}，{3}", "{0}: attractiveness {1}, feasibility {2}, {3}";
    more_accounts: "另有 {0} 个客户在同一位置", "and {0} more at the same place";
    legend_override: "外圈：级别经人工调整", "Ring: tier overridden";
    legend_thresholds: "粗线：分级阈值（吸引力 {0}，可行性 {1}）", "Bold lines: tier thresholds (attractiveness {0}, feasibility {1})";
    export_csv: "导出 CSV（Excel）", "Export CSV (Excel)";
    export_svg: "导出 SVG", "Export SVG";
    export_png: "导出 PNG", "Export PNG";
    chart_loading: "正在加载图表…", "Loading the chart…";
    chart_load_failed: "无法加载图表模块（{0}）。请检查与服务器的连接后刷新页面。", "The chart module could not be loaded ({0}). Check the connection to the server and reload the page.";
    chart_failed: "无法绘制图表：{0}", "The chart could not be drawn: {0}";

    // Pyramid
    pyramid_title: "客户金字塔", "Customer pyramid";
    pyramid_intro: "重点客户应占约 10% 的客户、60% 的销售时间；普通客户 30% 与 30%；超级潜在客户 60% 与 10%。", "Key customers should be about 10% of accounts and get 60% of selling time; ordinary customers 30% and 30%; super-potential customers 60% and 10%.";
    next_step_score: "为“{0}”打分", "Score {0}";
    next_step_ranking: "查看排名与分级", "See the ranking and tiers";
    pyramid_empty: "金字塔中还没有客户：现有客户和一至三级的潜在客户会出现在这里。", "No account is in the pyramid yet: current customers and prospects in Tiers 1–3 appear here.";
    level_key: "重点客户", "Key customers";
    level_ordinary: "普通客户", "Ordinary customers";
    level_super_potential: "超级潜在客户", "Super-potential customers";
    level_outside: "不在金字塔内", "Outside the pyramid";
    band_accounts: "{0} 个客户 · {1}（建议 {2}%）", "{0} {0:account|accounts} · {1} (recommended {2}%)";
    band_time: "销售时间 {0}（建议 {1}%）", "selling time {0} (recommended {1}%)";
    deviation_time: "{0}获得 {1}% 的计划销售时间，建议为 {2}%。", "{0} get {1}% of planned selling time; recommended {2}%.";
    deviation_accounts: "{0}占金字塔客户数的 {1}%，建议为 {2}%。", "{0} are {1}% of the accounts in the pyramid; recommended {2}%.";
    pyramid_shape_ok: "金字塔的形状与建议相符（各项偏差不超过 5 个百分点）。", "The pyramid's shape matches the recommendation (no figure is more than 5 points off).";
    pyramid_reading: "解读", "Reading";
    level_list_heading: "{0}（{1} 个）", "{0} ({1})";
    level_pick_hint: "点击金字塔的某一层，查看其中的客户。", "Click a level of the pyramid to list its accounts.";
    outside_count: "{0} 个客户不在金字塔内（未分级或不考虑发展的潜在客户）。", "{0} {0:account is|accounts are} outside the pyramid (prospects not tiered or not pursued).";
    time_plan_heading: "计划销售时间（按各级联络频率）", "Planned selling time (from each tier's contact cadence)";
    contacts_per_year: "每年联络次数", "Contacts a year";
    hours_per_contact: "每次联络小时数", "Hours per contact";
    hours_per_year: "每个客户每年小时数", "Hours per account a year";
    whole_number_invalid: "须为不小于 0 的整数。", "Must be a whole number, 0 or more.";
    section_pyramid: "客户金字塔层级", "Customer pyramid level";
    level_rule_customer_tier1: "现有客户且为一级客户 → 重点客户", "a current customer in Tier 1 → key customer";
    level_rule_other_customer: "其他现有客户 → 普通客户", "any other current customer → ordinary customer";
    level_rule_prospect_tier: "一至三级的潜在客户 → 超级潜在客户", "a prospect in Tier 1–3 → super-potential customer";
    level_rule_prospect_outside: "未分级或不考虑发展的潜在客户 → 不在金字塔内", "a prospect not tiered or not pursued → outside the pyramid";
    level_by_rule: "按默认规则（{0}）：{1}", "By the default rule ({0}): {1}";
    level_overridden: "经理将层级调整为“{0}”。原因：{1}（{2}）", "A manager placed it as “{0}”. Reason: {1} ({2})";
    level_override_set: "调整为", "Place as";
    level_override_apply: "调整层级", "Change the level";
    level_override_remove: "取消层级调整", "Remove the level change";

    guidance_edit_hint: "以下文字可直接修改，按当前语言保存。", "Edit the text below directly; it is saved for the current language.";

    // Importing accounts from a spreadsheet; the ranked list as XLSX
    import_sheet_open: "从表格导入…", "Import from a spreadsheet…";
    first_run_import: "导入表格", "Import a spreadsheet";
    import_title: "从表格导入客户", "Import accounts from a spreadsheet";
    import_intro: "选择 Excel 文件（.xlsx）或 CSV 文件。第一行应为列标题，例如“客户名称”“客户编号”“行业”；每项评估标准可以有一列 1–10 分的评分。", "Choose an Excel workbook (.xlsx) or a CSV file. The first row should hold column headers such as “Name”, “Customer no.” and “Industry”; each criterion can have a column of scores from 1 to 10.";
    import_choose_file: "选择文件…", "Choose a file…";
    import_choose_other: "选择其他文件", "Choose another file";
    import_template: "下载导入模板（CSV）", "Download an import template (CSV)";
    import_template_file: "客户导入模板", "accounts-import-template";
    import_reading: "正在读取“{0}”…", "Reading “{0}”…";
    import_rows_read: "已读取 {0} 行", "{0} {0:row|rows} read";
    import_file: "文件：{0}", "File: {0}";
    import_encoding: "编码", "Encoding";
    import_detected: "（自动识别）", "(detected)";
    import_sheet: "工作表", "Sheet";
    import_columns: "列的对应关系", "Columns";
    import_guess: "按相近名称推测，请确认", "Guessed from a similar name: please confirm";
    import_guess_confirm: "确认", "Confirm";
    import_guesses_pending: "还有 {0} 列按相近名称推测的对应关系待确认（确认或改选后即可导入）。", "{0} {0:column was|columns were} matched by a similar name: confirm or change {0:it|them} to import.";
    import_columns_hint: "已根据列标题自动对应，可逐列修改。", "Matched from the headers; change any column below.";
    import_column_in_file: "文件中的列", "Column in the file";
    import_examples: "示例", "Examples";
    import_as: "导入为", "Import as";
    import_ignore: "不导入", "Don't import";
    import_score_of: "评分：{0}", "Score: {0}";
    import_no_name_column: "请选择哪一列是客户名称。", "Choose the column that holds the customer name.";
    import_target_twice: "“{0}”被选给了两列，请只保留一列。", "“{0}” is chosen for two columns; keep one.";
    import_no_rows: "文件中除标题行外没有数据。", "The file has no rows below the header.";
    import_checking: "正在检查第 {0} / {1} 行…", "Checking row {0} of {1}…";
    import_check_result: "可以导入的行：{0}；有问题的行：{1}。", "Rows ready to import: {0}. Rows with problems: {1}.";
    import_problem_rows: "有问题的行（不会导入）", "Rows with problems (not imported)";
    import_problem_row: "第 {0} 行：{1}", "Row {0}: {1}";
    import_problems_download: "下载有问题的行（CSV），修改后再导入", "Download the rows with problems (CSV) to fix and import again";
    import_problems_file: "导入问题", "import-problems";
    import_problems_column: "问题", "Problems";
    import_problem_separator: "；", "; ";
    import_missing_name: "缺少客户名称", "the name is empty";
    import_score_range: "“{0}”的评分 {1} 不在 1–10 之间", "score {1} for “{0}” is outside 1–10";
    import_score_whole: "“{0}”的评分“{1}”不是整数", "score “{1}” for “{0}” is not a whole number";
    import_not_a_choice: "{0}“{1}”无法识别（可填：{2}）", "{0} “{1}” is not recognised (use: {2})";
    import_not_a_number: "{0}“{1}”不是整数", "{0} “{1}” is not a whole number";
    import_date_cell: "“{0}”列中是日期 {1}：可能是列错位了", "{0} holds a date, {1}: is a column shifted?";
    import_number_cell: "“{0}”列中是数字 {1}，应为文字：可能是列错位了（如确为数字，请将单元格设为文本格式）", "{0} holds a number, {1}, where text belongs: is a column shifted? (If it really is a number, format the cell as text.)";
    import_repeats_row: "与第 {0} 行是同一客户（编号或名称相同）", "the same customer as row {0} (same number or name)";
    import_duplicates: "与已有客户相同的行（编号相同，或无编号时名称相同）：{0}。", "Rows matching existing accounts (same number, or the same name where there is no number): {0}.";
    import_duplicates_legend: "对这些行：", "For these rows:";
    import_duplicates_skip: "跳过，保留已有客户不变", "Skip them; keep the existing accounts as they are";
    import_duplicates_update: "更新已有客户（空单元格不改变原有内容）", "Update the existing accounts (empty cells change nothing)";
    import_duplicates_add: "作为新客户添加", "Add them as new accounts";
    import_run: "导入（{0} 行）", "Import ({0} {0:row|rows})";
    import_importing: "正在导入…", "Importing…";
    import_summary: "已从“{0}”导入：新增 {1} 个，更新 {2} 个，跳过 {3} 个；有问题未导入的行：{4}。", "Imported from “{0}”: added {1}, updated {2}, skipped {3}; rows with problems not imported: {4}.";
    import_read_failed: "无法将“{0}”作为表格读取：{1}", "Could not read “{0}” as a spreadsheet: {1}";
    import_empty_file: "文件是空的", "the file is empty";
    import_not_a_sheet: "文件不是 CSV 或 Excel（.xlsx）格式", "it is neither a CSV file nor an Excel workbook (.xlsx)";
    import_too_large: "表格太大，无法读取：最多 {0} 列、{1} 个有内容的单元格，解压后最多 {2} MB。请只保留要导入的行和列后再试", "it is too large to read: at most {0} columns, {1} cells with a value and {2} MB once unpacked. Keep only the rows and columns to import, then try again";
    import_old_excel: "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入", "it is an old Excel file (.xls); save it as .xlsx or CSV in Excel, then import that";
    sheets_failed: "表格工具无法加载（{0}）。请检查网络连接后重试。", "The spreadsheet tools could not be loaded ({0}). Check the connection and try again.";
    export_xlsx: "导出 Excel（.xlsx）", "Export Excel (.xlsx)";

    // The account plan
    plan_link: "客户计划", "Account plan";
    plan_unreadable: "无法读取此客户计划（{0}）。它保持原样，不会被覆盖；可以导出工作区文件保留一份副本。", "This account plan could not be read ({0}). It is kept as it is and nothing writes over it; export the workspace file to keep a copy.";
    plan_title: "客户计划：{0}", "Account plan: {0}";
    plan_complete: "完成 {0}%", "{0}% complete";
    plan_not_started: "尚未开始", "Not started";
    plan_column: "客户计划", "Plan";
    plan_sections: "计划各部分", "Plan sections";
    plan_back: "返回客户", "Back to the account";
    plan_print: "打印 / 导出 PDF", "Print / PDF";
    plan_print_now: "打印", "Print";
    plan_print_hint: "使用浏览器的打印功能，可选择“另存为 PDF”。", "Use the browser's print dialog; choose “Save as PDF” for a file.";
    plan_stale_info: "信息待更新", "Information due for refresh";
    plan_stale_count: "{0} 条信息已超过六个月或没有日期，需要更新。", "{0} {0:fact is|facts are} older than six months or undated and {0:is|are} due for refresh.";
    plan_printed_on: "打印日期：{0}", "Printed on {0}";
    plan_matrix_position: "在评估矩阵中的位置", "Position on the matrix";
    plan_not_on_matrix: "该客户尚未完成评分或分级，因此不在矩阵上。", "This account is not on the matrix: its scoring or tiering is not complete.";
    plan_remove: "删除", "Remove";
    plan_removed: "已从计划中删除“{0}”。", "Removed “{0}” from the plan.";
    plan_missing: "尚缺：{0}", "Still missing: {0}";
    missing_finance: "至少一年的财务数据", "figures for at least one year";
    missing_needs: "至少一项需求", "at least one need";
    missing_people: "至少一位人员", "at least one person";
    missing_decision_maker: "一位决策者", "a decision maker";
    missing_assessed: "每个人的角色和态度", "everyone's role and attitude";
    missing_owned: "每位决策者的我方负责人", "an owner for every decision maker";
    missing_competitor: "至少一个竞争对手", "at least one competitor";
    missing_competitor_sw: "每个竞争对手的优势和劣势", "strengths and weaknesses of every competitor";
    missing_share: "钱包份额所需的两项金额", "both amounts for the share of wallet";
    missing_health: "全部关系健康度问题的回答", "answers to all health questions";
    missing_objective: "至少一个目标", "at least one objective";
    missing_smart: "所有目标都符合 SMART", "every objective SMART";
    missing_action: "至少一项行动", "at least one action";
    missing_action_owned: "每项行动的负责人和截止日期", "an owner and a due date for every action";
    missing_revenue: "至少一个期间的目标", "a target for at least one period";
    missing_step_done: "第 {0} 步“{1}”的结论", "the conclusion of step {0} ({1})";
    plan_add: "添加", "Add";
    plan_empty_list: "尚无内容。", "Nothing yet.";
    plan_invalid_amount: "请输入数字（最多两位小数）。", "Enter a number (up to two decimals).";
    plan_invalid_year: "请输入年份，例如 2026。", "Enter a year, e.g. 2026.";
    section_plan_summary: "概述", "Summary";
    section_plan_profile: "客户概况", "Profile";
    section_plan_analysis: "客户分析", "Customer analysis";
    section_plan_people: "决策单元", "Decision-making unit";
    section_plan_competitors: "竞争对手", "Competitors";
    section_plan_position: "我们的地位", "Our position";
    section_plan_six_steps: "六步分析法", "Six-step analysis";
    section_plan_strategy: "战略", "Strategy";
    section_plan_actions: "行动计划", "Action plan";
    section_plan_revenue: "收入计划", "Revenue plan";
    summary_label: "总体目的和方向", "Overall purpose and direction";
    summary_hint: "用几句话说明这个客户计划要达成什么、朝哪个方向发展。", "In a few sentences: what this plan is to achieve and the direction it takes.";
    // Facts and their provenance
    fact_level: "信息级别", "Information level";
    fact_source: "来源", "Source";
    fact_date: "日期", "Date";
    fact_level_none: "未注明", "Not stated";
    info_level_1: "1 公开免费", "1 Public, free";
    info_level_2: "2 公开付费", "2 Public, paid";
    info_level_3: "3 非公开（通过关系）", "3 Private, through contacts";
    info_level_4: "4 非公开（来自高层）", "4 Private, from top management";
    fact_due: "超过六个月，需更新", "Older than six months: due for refresh";
    fact_undated: "没有日期，需核实", "Undated: check it";
    // Profile
    profile_goals: "目标与战略目标", "Goals and strategic goals";
    profile_finance: "近三年财务（营收、利润、我方品类预算）", "Finance for the last three years (revenue, profit, budget for our category)";
    profile_finance_hint: "金额单位自定（如万元），增长率自动计算。", "Use one unit throughout (e.g. 10k CNY); growth is computed.";
    profile_year: "年份", "Year";
    profile_revenue: "营收", "Revenue";
    profile_profit: "利润", "Profit";
    profile_budget: "品类预算", "Category budget";
    profile_growth: "增长", "Growth";
    profile_finance_source: "财务数据来源", "Source of the figures";
    profile_market_position: "市场地位", "Market position";
    profile_main_competitors: "主要竞争对手", "Main competitors";
    profile_news: "最新业务动态", "Latest business news";
    profile_category_use: "对我方品类的使用情况", "Their use of our category";
    profile_vendors: "现用供应商", "Vendors they use";
    // Customer analysis
    analysis_swot: "客户的 SWOT 分析", "SWOT of the customer";
    swot_strengths: "优势", "Strengths";
    swot_weaknesses: "劣势", "Weaknesses";
    swot_opportunities: "机会", "Opportunities";
    swot_threats: "威胁", "Threats";
    analysis_forces: "波特五力（1 弱 – 5 强）", "Porter's five forces (1 weak – 5 strong)";
    force_entry_barriers: "进入壁垒", "Entry barriers";
    force_substitutes: "替代品威胁", "Threat of substitutes";
    force_buyer_power: "买方议价能力", "Buyer power";
    force_supplier_power: "供应商议价能力", "Supplier power";
    force_rivalry: "行业竞争强度", "Rivalry";
    force_rating: "强度", "Strength";
    force_note: "说明", "Note";
    rating_none: "未评", "Not rated";
    analysis_needs: "需求（冰山模型）", "Needs (the iceberg model)";
    analysis_needs_hint: "显性需求是客户说出来的；隐性需求在水面之下，需要我们发现。", "Explicit needs are what the customer says; implicit needs lie under the surface for us to find.";
    need_text: "需求", "Need";
    need_horizon: "时间", "When";
    need_past: "过去", "Past";
    need_present: "现在", "Present";
    need_forecast: "预测", "Forecast";
    need_implicit: "隐性", "Implicit";
    need_explicit: "显性", "Explicit";
    need_add: "添加需求", "Add a need";
    // Competitors
    competitor_add: "添加竞争对手", "Add a competitor";
    competitor_name: "竞争对手", "Competitor";
    competitor_business: "与该客户的关系和业务", "Their relationship and business with this customer";
    competitor_capability: "能力与资源", "Capability and resources";
    competitor_strategy: "策略", "Strategy";
    competitor_strengths: "优势", "Strengths";
    competitor_weaknesses: "劣势", "Weaknesses";
    competitor_view: "客户的看法", "The customer's view";
    competitor_preference: "客户倾向", "Customer's preference";
    preference_none: "不清楚", "Unknown";
    preference_them: "倾向对方", "Prefers them";
    preference_neutral: "中立", "Neutral";
    preference_us: "倾向我方", "Prefers us";
    competitor_unnamed: "（未命名的竞争对手）", "(unnamed competitor)";
    // Our position
    position_history: "合作历史", "History";
    position_supply: "我们供应的产品和服务", "What we supply";
    position_switching: "转换成本", "Switching cost";
    position_switching_note: "转换成本说明", "About the switching cost";
    grade_none: "未评估", "Not assessed";
    grade_low: "低", "Low";
    grade_medium: "中", "Medium";
    grade_high: "高", "High";
    position_our_sales: "我方对该客户的销售额", "Our sales to the customer";
    position_total_spend: "客户在该品类的总支出", "The customer's total spend on our category";
    position_share: "钱包份额", "Share of wallet";
    position_share_unknown: "需要两项金额才能计算", "Needs both amounts";
    position_who_favours: "谁了解并支持我们", "Who knows and favours us";
    position_ladder: "关系阶梯", "Relationship ladder";
    ladder_none: "未评估", "Not assessed";
    ladder_buyer: "买主", "Buyer";
    ladder_preferred: "优先的采购者", "Preferred supplier";
    ladder_partner: "合作伙伴", "Partner";
    ladder_alliance: "战略联盟", "Strategic alliance";
    position_lifecycle: "关系生命周期", "Relationship life-cycle";
    lifecycle_none: "未评估", "Not assessed";
    lifecycle_breakthrough: "突破期", "Breakthrough";
    lifecycle_consolidation: "巩固期", "Consolidation";
    lifecycle_growth: "成长期", "Growth";
    lifecycle_harvest: "收获期", "Harvest";
    lifecycle_defence: "防御期", "Defence";
    lifecycle_hibernation: "冬眠期", "Hibernation";
    lifecycle_pause: "暂停期", "Pause";
    position_swot: "我方地位的 SWOT 分析", "SWOT of our position";
    position_health: "关系健康度", "Relationship health";
    health_q1: "我们做得怎么样？", "How are we doing?";
    health_q2: "我们满足客户的需求了吗？", "Are we meeting their needs?";
    health_q3: "除产品之外，我们是否带来了附加价值？", "Do we add value beyond the product?";
    health_q4: "客户对我们的工作方式满意吗？", "Are they content with how we work?";
    health_q5: "客户对我们的人员满意吗？", "Are they content with our people?";
    health_q6: "我们将如何改进？", "How will we improve?";
    // Six-step analysis (document 000)
    six_steps_hint: "逐步完成分析：写下每一步的结论，完成后勾选“已完成”。竞争、需求和计划三步在计划的相应部分中完成。", "Work through the steps: write down each conclusion and tick Done when it is drawn. Competition, needs and the plan are worked out in their own sections of the plan.";
    step_industry: "行业分析", "Industry analysis";
    step_competition: "竞争分析", "Competition";
    step_needs: "个性化需求分析", "Personalised needs";
    step_solution: "定制化解决方案", "Customised solution";
    step_service: "服务支持能力", "Service-support capability";
    step_plan: "目标与行动计划", "Objectives and actions";
    step_numbered: "{0} {1}", "{0} {1}";
    step_worked_in: "这一步的分析在此完成：", "This step is worked out in:";
    step_conclusion: "结论", "Conclusion";
    amount_unit_label: "金额单位", "Amounts in";
    amount_unit_placeholder: "例如 万元", "e.g. k CNY";
    amount_unit_hint: "适用于本工作区的所有客户计划。", "Applies to every plan in this workspace.";
    amount_with_unit: "{0}（{1}）", "{0} ({1})";
    amount_unit_line: "金额单位：{0}", "Amounts in {0}";
    step_see_section: "见“{0}”部分", "See the {0} section";
    step_done: "已完成", "Done";
    step_open: "未完成", "Not done";
    // Decision-making unit
    people_add: "添加人员", "Add a person";
    person_name: "姓名", "Name";
    person_title: "职务", "Title";
    person_department: "部门", "Department";
    person_reports_to: "上级", "Reports to";
    person_reports_to_none: "（无）", "(nobody)";
    person_role: "角色", "Role";
    person_influence: "影响力", "Influence";
    person_hidden: "隐性影响", "Hidden influence";
    person_visible: "显性", "Visible";
    person_key: "关键人物", "Key person";
    person_attitude: "对我们的态度", "Attitude to us";
    person_relationship: "关系程度", "Relationship level";
    person_owner: "我方负责人", "Our owner";
    person_last_contact: "最近联系", "Last contact";
    person_note: "备注", "Note";
    person_unnamed: "（未命名）", "(unnamed)";
    role_none: "未确定", "Not known";
    role_decision_maker: "决策者", "Decision maker";
    role_user: "影响者：使用者", "Influencer: user";
    role_adviser: "影响者：顾问", "Influencer: adviser";
    role_gatekeeper: "影响者：把关者", "Influencer: gatekeeper";
    role_outsider: "影响者：局外人", "Influencer: outsider";
    role_champion: "支持者 / 倡导者", "Supporter / champion";
    role_blocker: "阻碍者", "Blocker";
    attitude_none: "不清楚", "Unknown";
    attitude_hostile: "敌对", "Hostile";
    attitude_sceptical: "怀疑", "Sceptical";
    attitude_neutral: "中立", "Neutral";
    attitude_supportive: "支持", "Supportive";
    attitude_champion: "倡导", "Champion";
    level_none: "未评估", "Not assessed";
    rel_initial: "初始合作", "Initial";
    rel_ordinary: "一般合作", "Ordinary";
    rel_strategic: "战略合作", "Strategic";
    rel_partner: "伙伴合作", "Partner";
    org_chart: "组织结构图", "Org chart";
    org_chart_empty: "添加人员并填写“上级”，即可生成组织结构图。", "Add people and their “reports to” to draw the org chart.";
    people_table: "人员列表", "People";
    warning_no_owner: "决策者“{0}”没有我方负责人。", "The decision maker “{0}” has no owner on our side.";
    warning_no_supporter: "决策单元中还没有支持我们的人。", "Nobody in the decision-making unit supports us yet.";
    warning_not_contacted: "关键人物“{0}”已超过 90 天未联系（最近：{1}）。", "Key person “{0}” not contacted for over 90 days (last: {1}).";
    warning_never_contacted: "关键人物“{0}”还没有联系记录。", "Key person “{0}” has no contact on record.";
    reports_to_loop: "不能选择此人：会形成循环汇报关系。", "Not possible: that would make a reporting loop.";
    // Strategy
    strategy_vision: "愿景", "Vision";
    objectives: "SMART 目标", "SMART objectives";
    objective_add: "添加目标", "Add an objective";
    objective_text: "目标", "Objective";
    objective_measure: "衡量指标", "Measure";
    objective_target: "目标值", "Target value";
    objective_due: "截止日期", "Due date";
    objective_status: "状态", "Status";
    objective_open: "未开始", "Open";
    objective_on_track: "按计划", "On track";
    objective_at_risk: "有风险", "At risk";
    objective_achieved: "已达成", "Achieved";
    objective_missed: "未达成", "Missed";
    objective_gap_measure: "缺少衡量指标", "no measure";
    objective_gap_target: "缺少目标值", "no target value";
    objective_gap_due: "缺少截止日期", "no due date";
    objective_not_smart: "目标“{0}”不符合 SMART：{1}。", "Objective “{0}” is not SMART yet: {1}.";
    objective_unnamed: "（未命名的目标）", "(unnamed objective)";
    // Actions
    action_add: "添加行动", "Add an action";
    action_task: "任务", "Task";
    action_owner: "负责人", "Owner";
    action_due: "截止日期", "Due date";
    action_status: "状态", "Status";
    action_objective: "对应目标", "For objective";
    action_objective_none: "（无）", "(none)";
    action_not_started: "未开始", "Not started";
    action_in_progress: "进行中", "In progress";
    action_done: "已完成", "Done";
    action_blocked: "受阻", "Blocked";
    action_overdue: "已逾期", "Overdue";
    actions_overdue_count: "逾期的行动：{0} 项。", "Overdue actions: {0}.";
    nav_actions: "逾期行动", "Overdue actions";
    nav_workspaces: "工作区", "Workspaces";
    actions_title: "逾期行动", "Overdue actions";
    actions_owner_filter: "负责人", "Owner";
    actions_owner_all: "所有人", "Everyone";
    actions_none: "没有逾期的行动。", "No overdue actions.";
    actions_account: "客户", "Account";
    actions_days_overdue: "逾期 {0} 天", "Days overdue: {0}";
    // Revenue plan
    revenue_add_year: "添加年度", "Add a year";
    revenue_add_quarter: "添加季度", "Add a quarter";
    revenue_period: "期间", "Period";
    revenue_year_label: "{0} 年", "{0}";
    revenue_quarter_label: "{0} 年第 {1} 季度", "{0} Q{1}";
    revenue_metric: "指标", "Figure";
    revenue_target: "目标", "Target";
    revenue_actual: "实际", "Actual";
    revenue_variance: "差异", "Variance";
    metric_sales: "销售量", "Sales";
    metric_revenue: "收入", "Revenue";
    metric_margin: "毛利", "Margin";
    metric_profit: "利润", "Profit";
    // Strategy and actions
    strategy_hint: "写下与该客户关系的愿景，并把它分解为 SMART 目标：具体、可衡量、可实现、相关、有时限。", "Write the vision for this relationship and break it into SMART objectives: specific, measurable, achievable, appropriate, timely.";
    actions_hint: "每项行动都有负责人、截止日期和状态，并对应一个目标；逾期的行动会被标出。", "Each action has an owner, a due date and a status, and serves an objective; overdue actions are marked.";
    actions_page_hint: "所有客户中已过截止日期且尚未完成的行动，最早的在前。选择负责人，只看他的行动。", "Every action past its due date and not done, across all accounts, oldest first. Choose an owner to see only theirs.";
    revenue_hint: "按年度（需要时按季度）填写销售量、收入、毛利和利润的目标与实际，差异自动计算。", "Targets and actuals per year (and per quarter where useful) for sales, revenue, margin and profit; the variance is computed.";
    revenue_quarter: "季度", "Quarter";
    revenue_quarter_option: "第 {0} 季度", "Q{0}";
    revenue_line_exists: "收入计划中已有“{0}”。", "The revenue plan already has {0}.";
    // Power map
    people_hint: "列出参与采购决策的人：谁拍板、谁施加影响、谁支持我们，以及我方由谁对接每个人（“拉链式”对接）。", "List the people in the buying decision: who decides, who influences, who supports us, and who on our side owns each of them (the “zipper”).";
    people_edit: "编辑人员", "Edit people";
    person_key_always: "决策者始终是关键人物。", "Decision makers are always key people.";
    org_chart_legend: "图例", "Legend";

    // Merging a colleague's workspace
    merge_offer: "也可以合并到当前工作区：文件中的新客户会被添加；同一客户的数据不同时，由你逐项选择保留哪一方。未经你的选择，任何数据都不会被覆盖。", "Or merge it into this workspace: accounts new to you are added, and where an account differs you choose, field by field, which to keep. Nothing is overwritten without your choice.";
    merge_into: "合并到当前工作区…", "Merge into this workspace…";
    merge_page_title: "合并工作区文件", "Merge a workspace file";
    merge_intro: "将文件“{0}”中的客户合并到当前工作区“{1}”。", "Merging the accounts of the file “{0}” into the open workspace “{1}”.";
    merge_rules: "按客户编号识别同一客户；任一方没有编号时按名称识别。你的评估标准、分级阈值和各级设置保持不变；文件中的评分按标准名称对应到你的标准。", "Accounts are matched by customer number, or by name where either has no number. Your scoring model, thresholds and tier settings stay as they are; the file's scores are matched to your criteria by name.";
    merge_nothing: "没有待合并的文件。待合并的内容只在页面打开期间保留：请通过页头的“导入工作区文件…”重新选择文件。", "There is nothing to merge. A merge waiting for your choices is kept only while the page is open: choose the file again with “Import workspace file…” in the header.";
    merge_count_new: "新客户：{0} 个", "New accounts: {0}";
    merge_count_conflicts: "有差异的客户：{0} 个", "Accounts with differences: {0}";
    merge_count_additions: "只新增联系记录、推广计划或开发阶段的客户：{0} 个", "Accounts that only gain contacts, promotion plans or pipeline stages: {0}";
    merge_count_new_inquiries: "新的来电查询：{0} 条", "New inquiries: {0}";
    merge_count_unchanged: "完全相同的客户：{0} 个", "Unchanged accounts: {0}";
    merge_unmapped: "你的评估标准中没有以下标准，文件中这些标准的评分不会导入：{0}", "Your scoring model has no criterion of these names, so the file's scores on them are not imported: {0}";
    merge_repeats: "文件中与前面的客户是同一客户（编号或名称相同）的客户：{0} 个，只合并前面的那个：", "Accounts of the file that are the same customer as an earlier one (same number or name): {0}; only the earlier one is merged:";
    merge_repeat_item: "“{0}”（与“{1}”相同）", "“{0}” (same as “{1}”)";
    merge_new_heading: "新客户", "New accounts";
    merge_new_hint: "勾选的客户将被添加到当前工作区。", "Ticked accounts are added to this workspace.";
    merge_conflicts_heading: "有差异的客户", "Accounts that differ";
    merge_conflicts_hint: "每一项默认保留你的数据；只有选择“采用文件中的”才会改为文件中的数据。", "Every field keeps your data unless you choose “Take theirs”.";
    merge_col_field: "项目", "Field";
    merge_col_mine: "我的", "Mine";
    merge_col_theirs: "文件中的", "Theirs (file)";
    merge_col_choice: "采用", "Use";
    merge_keep_mine: "保留我的", "Keep mine";
    merge_take_theirs: "采用文件中的", "Take theirs";
    merge_keep_all_mine: "本客户全部保留我的", "Keep all mine";
    merge_take_all_theirs: "本客户全部采用文件中的", "Take all theirs";
    merge_everywhere_mine: "所有客户都保留我的", "Keep mine for every account";
    merge_everywhere_theirs: "所有客户都采用文件中的", "Take theirs for every account";
    merge_taken: "{0} / {1} 项采用文件中的", "Taken from theirs: {0} of {1} {1:field|fields}";
    merge_choice_for: "{0}：采用哪一方", "{0}: which to use";
    merge_field_gate: "筛选：{0}", "Screening: {0}";
    merge_field_tier_override: "人工调整的级别", "Tier override";
    merge_field_level_override: "人工调整的金字塔层级", "Pyramid level override";
    merge_field_plan: "客户计划（整体）", "Account plan (as a whole)";
    merge_field_overall_owner: "总负责人", "Overall owner";
    merge_field_daily_owner: "日常关系负责人", "Daily relationship owner";
    merge_field_engagement: "开发进展与联系记录（有差异的部分）", "Pipeline and contact log (the parts that differ)";
    merge_engagement_value: "{0} 次联系 · {1} 项推广计划 · {2} 个开发阶段", "{0} {0:contact|contacts} · {1} promotion {1:plan|plans} · {2} pipeline {2:stage|stages}";
    merge_engagement_unreadable: "无法读取（{0}），保持原样", "Cannot be read ({0}); kept as it is";
    merge_no_override: "无人工调整", "No override";
    merge_override_value: "{0}（原因：{1}）", "{0} (reason: {1})";
    merge_apply: "执行合并", "Apply the merge";
    merge_done: "已从“{0}”合并：新增 {1} 个，更新 {2} 个，保留我的 {3} 个，{4} 个相同。", "Merged from “{0}”: {1} added, {2} updated, {3} kept as yours, {4} unchanged.";
    merge_done_left_out: "未添加你取消勾选的新客户 {0} 个。", "Not added: {0} new {0:account|accounts} you left out.";
    merge_done_repeats: "文件中重复的客户 {0} 个未合并。", "Not merged: {0} {0:account|accounts} repeating an earlier one in the file.";
    merge_done_engagement: "{0} 个客户新增了联系记录、推广计划或开发阶段。", "New contacts, promotion plans or pipeline stages added to {0} {0:account|accounts}.";
    merge_done_people: "新增我方人员 {0} 名。", "Added {0} {0:person|people} of our own.";
    merge_done_inquiries: "新增来电查询 {0} 条。", "Added {0} {0:inquiry|inquiries}.";
    merge_done_inquiries_taken: "{0} 条来电查询采用了对方的记录。", "Took their version of {0} {0:inquiry|inquiries}.";
    merge_done_unmapped: "未导入的评分（你的评估标准中没有这些标准）：{0}。", "Scores not imported (no such criterion in your model): {0}.";
}

//! Team sync against the stock sync server (`sync-server/`, installed by `npm ci` in the
//! test script): two peers with the app's protocol code share a workspace (mirrored into
//! its document), edit one field while offline, both end with both values, one
//! resolution reaches both, and the server keeps the document across a restart; two
//! browsers that stay connected get each other's edits and resolutions pushed, before
//! and after the server restarts.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kam::domain::{Account, Workspace};
use kam::sync::doc_id::DocumentId;
use kam::sync::mirror::{self, Step};
use kam::sync::protocol::Message;
use kam::sync::replica::Replica;
use kam::sync::session::Status;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::WebSocket;

/// The stock server, run with node on a free local port and a data folder of its own.
struct Server {
    child: Child,
    port: u16,
}

fn server_script() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sync-server");
    let script = root.join("node_modules/@automerge/automerge-repo-sync-server/src/index.js");
    assert!(
        script.exists(),
        "the sync server is not installed: run `npm ci` in sync-server/ (scripts/test.sh does)"
    );
    script
}

impl Server {
    fn start(data: &Path, port: Option<u16>) -> Server {
        let port = port.unwrap_or_else(|| {
            let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
            listener.local_addr().expect("its address").port()
        });
        let mut child = Command::new("node")
            .arg(server_script())
            .env("PORT", port.to_string())
            .env("DATA_DIR", data)
            .current_dir(data)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs the sync server");
        let stdout = child.stdout.take().expect("the server's output");
        let mut lines = BufReader::new(stdout).lines();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("Listening on port") => break,
                Some(Ok(_)) => continue,
                _ => panic!("the sync server stopped before listening"),
            }
        }
        // Keep reading its output, so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        wait_until_answering(port);
        Server { child, port }
    }

    fn stop(mut self) -> u16 {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.port
    }
}

/// The server listens before its repository is ready: a client that joins in between is
/// never answered. Joins until the server answers (the app's reconnection does the same).
fn wait_until_answering(port: u16) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if let Ok((mut socket, _)) = tungstenite::connect(format!("ws://127.0.0.1:{port}")) {
            if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
                let _ = stream.set_read_timeout(Some(Duration::from_millis(300)));
            }
            let mut probe = Replica::join(DocumentId::from_random([0; 16]), "probe");
            send(&mut socket, probe.open());
            if let Ok(tungstenite::Message::Binary(bytes)) = socket.read() {
                if matches!(Message::decode(&bytes), Ok(Message::Peer { .. })) {
                    let _ = socket.close(None);
                    let _ = socket.flush();
                    return;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the sync server does not answer");
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// One browser, as far as sync goes: its copy of the shared workspace.
struct Peer {
    replica: Replica,
    /// What this browser keeps of the document: its saves, one after the other.
    kept: Vec<u8>,
}

type Socket = WebSocket<MaybeTlsStream<TcpStream>>;

impl Peer {
    fn sharing(name: &str, account: &str, id: DocumentId) -> Peer {
        Peer::new(Replica::share(&one_account(account), id, name).expect("shared"))
    }

    fn joining(name: &str, id: DocumentId) -> Peer {
        Peer::new(Replica::join(id, name))
    }

    fn new(mut replica: Replica) -> Peer {
        let kept = replica.save_incremental();
        Peer { replica, kept }
    }

    /// Keeps what changed, as the worker does after each change.
    fn keep(&mut self) {
        let more = self.replica.save_incremental();
        self.kept.extend_from_slice(&more);
    }

    /// The page reloaded: the replica comes back from what was kept.
    fn reload(&mut self, name: &str) {
        let id = self.replica.id();
        self.replica = Replica::load(&self.kept, id, name).expect("loaded");
    }

    /// Connects, syncs until nothing more comes for a while, and disconnects; the
    /// status before disconnecting.
    fn sync_with(&mut self, port: u16) -> Status {
        let mut socket = connect(port, Duration::from_millis(400), self.replica.open());
        let started = Instant::now();
        loop {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "sync did not settle"
            );
            match socket.read() {
                Ok(tungstenite::Message::Binary(bytes)) => {
                    answer(&mut self.replica, &mut socket, &bytes)
                }
                Ok(_) => {}
                Err(e) if quiet(&e) => {
                    // Quiet: done once joined and nothing is left to send.
                    match self.replica.outgoing() {
                        Some(message) => send(&mut socket, message),
                        None if *self.replica.status() != Status::Offline => break,
                        None => {}
                    }
                }
                Err(e) => panic!("the connection failed: {e}"),
            }
        }
        let status = self.replica.status().clone();
        let _ = socket.close(None);
        let _ = socket.flush();
        self.replica.closed();
        self.keep();
        status
    }

    fn workspace(&self) -> Workspace {
        self.replica.workspace().expect("a workspace")
    }

    /// Every value the account's name has: more than one while two edits made at the
    /// same time are in conflict.
    fn names(&mut self) -> Vec<String> {
        self.sides().into_iter().map(|(name, _, _)| name).collect()
    }

    /// Every value the account's name has, with who wrote it and when (seconds), as
    /// far as the document knows (nothing for the value shown when there is no
    /// conflict).
    fn sides(&mut self) -> Vec<(String, Option<String>, Option<i64>)> {
        let ws = self.workspace();
        let account = ws.accounts.first().expect("an account");
        let conflicts = self.replica.conflicts().expect("conflicts");
        let mut sides: Vec<_> = match conflicts.iter().find(|c| c.path == name_path(&ws)) {
            Some(conflict) => conflict
                .values
                .iter()
                .map(|s| {
                    let name = s.value.as_str().unwrap_or_default().to_owned();
                    (name, s.author.clone(), s.time)
                })
                .collect(),
            None => vec![(account.name.clone(), None, None)],
        };
        sides.sort();
        sides
    }

    /// Renames the account as the app does: the workspace edited, then mirrored.
    fn rename(&mut self, name: &str) {
        // Offline here: nothing to send yet.
        assert_eq!(self.renamed(name, 1_764_700_000_000), None);
        self.keep();
    }

    /// Renames the only account at `at` as the app does (the workspace edited, then
    /// mirrored): the message to send, when connected.
    fn renamed(&mut self, name: &str, at: i64) -> Option<Vec<u8>> {
        let mut ws = self.workspace();
        let id = ws.accounts.first().expect("an account").id;
        ws.update_account(id, at, |a| a.name = name.to_owned());
        self.replica.edit(ws).expect("mirrored")
    }
}

/// Where the only account's name is in the document.
fn name_path(ws: &Workspace) -> Vec<Step> {
    let account = ws.accounts.first().expect("an account");
    vec![
        Step::Key(mirror::ACCOUNTS.into()),
        Step::Key(account.id.to_string()),
        Step::Key("name".into()),
    ]
}

/// A connection to the server on `port` whose reads give up after `wait`, with `first`
/// (the join) sent.
fn connect(port: u16, wait: Duration, first: Vec<u8>) -> Socket {
    let (mut socket, _) =
        tungstenite::connect(format!("ws://127.0.0.1:{port}")).expect("the server accepts");
    if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
        stream.set_read_timeout(Some(wait)).expect("a read timeout");
    }
    send(&mut socket, first);
    socket
}

/// Whether a read gave up for want of a message (the read timeout), not for a failure.
fn quiet(error: &tungstenite::Error) -> bool {
    matches!(error, tungstenite::Error::Io(e) if matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ))
}

/// Hands a message from the server to the replica and sends its answer.
fn answer(replica: &mut Replica, socket: &mut Socket, bytes: &[u8]) {
    let incoming = replica
        .receive(bytes)
        .expect("the server's message is used");
    if let Some(reply) = incoming.reply {
        send(socket, reply);
    }
}

fn send(socket: &mut Socket, message: Vec<u8>) {
    socket
        .send(tungstenite::Message::Binary(message.into()))
        .expect("the message is sent");
}

/// A workspace of one account.
fn one_account(name: &str) -> Workspace {
    let mut ws = Workspace::default();
    ws.add_account(
        Account {
            name: name.to_owned(),
            ..Account::default()
        },
        1_764_600_000_000,
    );
    ws
}

fn random_id(seed: u8) -> DocumentId {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut bytes = nanos.to_le_bytes();
    bytes[15] = seed;
    DocumentId::from_random(bytes)
}

fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kam-sync-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a data folder");
    dir
}

#[test]
fn two_peers_editing_one_field_offline_both_keep_both_values_and_one_resolution_reaches_both() {
    let data = data_dir("conflict");
    let server = Server::start(&data, None);
    let id = random_id(1);

    // Ana shares the workspace; Li joins by its link, with nothing of it yet.
    let mut ana = Peer::sharing("ana", "Acme", id);
    assert_eq!(ana.sync_with(server.port), Status::UpToDate);
    assert_eq!(*ana.replica.status(), Status::Offline);
    let mut li = Peer::joining("li", id);
    assert_eq!(li.sync_with(server.port), Status::UpToDate);
    assert_eq!(li.names(), ["Acme"]);

    // Both rename the account while offline, each under the name they give colleagues
    // and by their own clock.
    ana.replica.set_author(Some("  Ana Wu ".into()));
    ana.replica.set_clock(|| 1_764_700_000_999);
    li.replica.set_author(Some("李娜".into()));
    li.replica.set_clock(|| 1_764_800_000_000);
    ana.rename("Acme Ltd");
    li.rename("Acme Group");
    ana.sync_with(server.port);
    li.sync_with(server.port);
    ana.sync_with(server.port);
    assert_eq!(ana.names(), ["Acme Group", "Acme Ltd"]);
    assert_eq!(li.names(), ["Acme Group", "Acme Ltd"]);
    // Each side says who wrote it and when, in both browsers.
    let sides = vec![
        (
            "Acme Group".to_owned(),
            Some("李娜".to_owned()),
            Some(1_764_800_000),
        ),
        (
            "Acme Ltd".to_owned(),
            Some("Ana Wu".to_owned()),
            Some(1_764_700_000),
        ),
    ];
    assert_eq!(ana.sides(), sides);
    assert_eq!(li.sides(), sides);

    // Li picks one; the choice replaces both values everywhere.
    let path = name_path(&li.workspace());
    let (ws, _) = li
        .replica
        .resolve(
            &path,
            &serde_json::Value::from("Acme Group"),
            1_764_900_000_000,
        )
        .expect("resolved");
    assert_eq!(ws.accounts[0].name, "Acme Group");
    li.sync_with(server.port);
    ana.sync_with(server.port);
    assert_eq!(ana.names(), ["Acme Group"]);
    assert_eq!(li.names(), ["Acme Group"]);
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn the_server_keeps_a_shared_document_across_a_restart() {
    let data = data_dir("restart");
    let server = Server::start(&data, None);
    let id = random_id(2);
    let mut ana = Peer::sharing("ana", "Harbour Buses", id);
    ana.sync_with(server.port);
    // The server writes what it received to disk shortly after.
    std::thread::sleep(Duration::from_millis(600));
    let port = server.stop();

    let server = Server::start(&data, Some(port));
    let mut li = Peer::joining("li", id);
    li.sync_with(server.port);
    assert_eq!(li.names(), ["Harbour Buses"]);
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_link_to_a_document_the_server_does_not_have_says_so() {
    let data = data_dir("unavailable");
    let server = Server::start(&data, None);
    let mut li = Peer::joining("li", random_id(3));
    assert_eq!(li.sync_with(server.port), Status::Unavailable);
    // The status is kept after the connection closes: the link is wrong, not the network.
    assert_eq!(*li.replica.status(), Status::Unavailable);
    assert!(!li.replica.has_workspace());
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn edits_made_offline_survive_a_reload_and_reach_the_other_browser_on_reconnect() {
    let data = data_dir("reload");
    let server = Server::start(&data, None);
    let id = random_id(4);
    let mut ana = Peer::sharing("ana", "Eastern Seating", id);
    ana.sync_with(server.port);
    let mut li = Peer::joining("li", id);
    li.sync_with(server.port);

    // Ana edits offline, and the page is reloaded before any connection.
    ana.rename("Eastern Seating Systems");
    ana.reload("ana");
    assert_eq!(ana.names(), ["Eastern Seating Systems"]);
    ana.sync_with(server.port);
    li.sync_with(server.port);
    assert_eq!(li.names(), ["Eastern Seating Systems"]);
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

/// A browser that stays connected, as the worker does: it answers what the server sends
/// and never asks on its own, so whatever reaches it was pushed by the server.
struct Live {
    peer: Peer,
    socket: Option<Socket>,
}

impl Live {
    fn new(peer: Peer) -> Live {
        Live { peer, socket: None }
    }

    fn connect(&mut self, port: u16) {
        self.socket = Some(connect(
            port,
            Duration::from_millis(20),
            self.peer.replica.open(),
        ));
    }

    /// The server went away: the connection is over.
    fn dropped(&mut self) {
        self.socket = None;
        self.peer.replica.closed();
    }

    /// Reads and answers whatever has arrived; false once the connection is gone.
    fn pump(&mut self) -> bool {
        let Some(socket) = self.socket.as_mut() else {
            return false;
        };
        loop {
            match socket.read() {
                Ok(tungstenite::Message::Binary(bytes)) => {
                    answer(&mut self.peer.replica, socket, &bytes);
                    while let Some(more) = self.peer.replica.outgoing() {
                        send(socket, more);
                    }
                }
                Ok(_) => {}
                Err(e) if quiet(&e) => return true,
                Err(_) => {
                    self.dropped();
                    return false;
                }
            }
        }
    }

    /// Renames the account: the change goes out at once when connected.
    fn rename(&mut self, name: &str) {
        // At this moment, as the app stamps it: two people's edits differ here too.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        let message = self.peer.renamed(name, now);
        if let (Some(message), Some(socket)) = (message, self.socket.as_mut()) {
            send(socket, message);
        }
    }
}

impl Live {
    /// Edits the workspace as the app does; the change goes out at once when connected.
    fn edit(&mut self, change: impl FnOnce(&mut Workspace)) {
        let mut ws = self.peer.workspace();
        change(&mut ws);
        let message = self.peer.replica.edit(ws).expect("mirrored");
        if let (Some(message), Some(socket)) = (message, self.socket.as_mut()) {
            send(socket, message);
        }
    }

    /// Keeps `value` for the field at `path`: the choice goes out at once.
    fn resolve(&mut self, path: &[Step], value: &str) {
        let (_, message) = self
            .peer
            .replica
            .resolve(path, &serde_json::Value::from(value), 1_764_900_000_000)
            .expect("resolved");
        send(
            self.socket.as_mut().expect("connected"),
            message.expect("a message for the server"),
        );
    }

    /// Every value the workspace's amount unit has (more than one while in conflict).
    fn units(&mut self) -> Vec<String> {
        let unit = [Step::Key("amount_unit".into())];
        let conflicts = self.peer.replica.conflicts().expect("conflicts");
        let mut units: Vec<String> = match conflicts.iter().find(|c| c.path == unit) {
            Some(conflict) => conflict
                .values
                .iter()
                .map(|s| s.value.as_str().unwrap_or_default().to_owned())
                .collect(),
            None => vec![self.peer.workspace().amount_unit],
        };
        units.sort();
        units
    }
}

/// Pumps both browsers until `done` holds, for at most ten seconds.
fn until(
    a: &mut Live,
    b: &mut Live,
    what: &str,
    mut done: impl FnMut(&mut Live, &mut Live) -> bool,
) {
    let started = Instant::now();
    while !done(a, b) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}: {:?} / {:?}",
            a.peer.replica.status(),
            b.peer.replica.status()
        );
        a.pump();
        b.pump();
    }
}

fn up_to_date(a: &mut Live, b: &mut Live) -> bool {
    *a.peer.replica.status() == Status::UpToDate && *b.peer.replica.status() == Status::UpToDate
}

/// Ana shares a workspace of one account through `server`, and Li joins it: both stay
/// connected, up to date.
fn both_connected(server: &Server, seed: u8, account: &str) -> (Live, Live) {
    let id = random_id(seed);
    let mut ana = Live::new(Peer::sharing("ana", account, id));
    let mut li = Live::new(Peer::joining("li", id));
    ana.connect(server.port);
    until(&mut ana, &mut li, "Ana's share", |a, _| {
        *a.peer.replica.status() == Status::UpToDate
    });
    li.connect(server.port);
    until(&mut ana, &mut li, "Li's join", |a, b| {
        b.peer.replica.has_workspace() && up_to_date(a, b)
    });
    (ana, li)
}

#[test]
fn a_connected_browser_gets_each_edit_pushed_before_and_after_the_server_restarts() {
    let data = data_dir("live");
    let server = Server::start(&data, None);
    let (mut ana, mut li) = both_connected(&server, 5, "Northern Rail");

    ana.rename("Northern Rail Group");
    until(&mut ana, &mut li, "Ana's edit at Li", |_, b| {
        b.peer.names() == ["Northern Rail Group"]
    });
    li.rename("Northern Rail Holdings");
    until(&mut ana, &mut li, "Li's edit at Ana", |a, _| {
        a.peer.names() == ["Northern Rail Holdings"]
    });

    // The server restarts; both browsers reconnect once it answers again.
    std::thread::sleep(Duration::from_millis(600));
    let port = server.stop();
    ana.dropped();
    li.dropped();
    let server = Server::start(&data, Some(port));
    ana.connect(server.port);
    li.connect(server.port);
    until(&mut ana, &mut li, "both to sync again", up_to_date);

    ana.rename("Northern Rail plc");
    until(
        &mut ana,
        &mut li,
        "Ana's edit at Li after the restart",
        |_, b| b.peer.names() == ["Northern Rail plc"],
    );
    li.rename("NR plc");
    until(
        &mut ana,
        &mut li,
        "Li's edit at Ana after the restart",
        |a, _| a.peer.names() == ["NR plc"],
    );

    // Ana goes offline; both rename; back online, both see both values. Li keeps the
    // value the document already shows (the change that settles the conflict alters
    // nothing anyone sees, and the stock server passes on only changes that alter
    // something), and the choice reaches Ana while both stay connected.
    ana.dropped();
    ana.rename("Ana's name");
    std::thread::sleep(Duration::from_millis(5));
    li.rename("Li's name");
    ana.connect(server.port);
    until(&mut ana, &mut li, "the conflict at both", |a, b| {
        a.peer.names() == ["Ana's name", "Li's name"] && b.peer.names() == a.peer.names()
    });
    let shown = li.peer.workspace().accounts[0].name.clone();
    let path = name_path(&li.peer.workspace());
    li.resolve(&path, &shown);
    until(&mut ana, &mut li, "the resolution at Ana", |a, _| {
        a.peer.names() == [shown.clone()]
    });
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn the_first_edit_after_sharing_sends_the_edit_not_the_whole_document_again() {
    let data = data_dir("first-edit");
    let server = Server::start(&data, None);
    let id = random_id(6);
    let mut ws = one_account("Account 1");
    for i in 2..=1000 {
        ws.add_account(
            Account {
                name: format!("Account {i}"),
                industry: "Logistics".to_owned(),
                ..Account::default()
            },
            1_764_600_000_000,
        );
    }
    let mut ana = Live::new(Peer::new(Replica::share(&ws, id, "ana").expect("shared")));
    let mut li = Live::new(Peer::joining("li", id));
    ana.connect(server.port);
    until(&mut ana, &mut li, "Ana's share", |a, _| {
        *a.peer.replica.status() == Status::UpToDate
    });
    let whole = ana.peer.replica.save().len();
    let mut edited = ana.peer.workspace();
    let first = edited.accounts[0].id;
    edited.update_account(first, 1_764_700_000_000, |a| a.name = "Renamed".to_owned());
    let message = ana
        .peer
        .replica
        .edit(edited)
        .expect("mirrored")
        .expect("connected: a message for the server");
    assert!(
        message.len() < 2_000,
        "the first edit sent {} bytes (the whole document saved: {whole})",
        message.len()
    );
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_setting_two_people_changed_at_once_is_settled_for_a_connected_browser_at_once() {
    let data = data_dir("setting");
    let server = Server::start(&data, None);
    let (mut ana, mut li) = both_connected(&server, 7, "Harbour Logistics");

    // Ana, offline, and Li both set the workspace's amount unit (no account holds it).
    ana.dropped();
    ana.edit(|ws| ws.set_amount_unit("万元"));
    li.edit(|ws| ws.set_amount_unit("千元"));
    ana.connect(server.port);
    until(&mut ana, &mut li, "the conflict at both", |a, b| {
        a.units() == ["万元", "千元"] && b.units() == a.units()
    });

    // Li keeps the unit the document shows: the choice still reaches Ana while both
    // stay connected.
    let shown = li.peer.workspace().amount_unit;
    li.resolve(&[Step::Key("amount_unit".into())], &shown);
    until(&mut ana, &mut li, "the resolution at Ana", |a, _| {
        a.units() == [shown.clone()]
    });
    assert_eq!(ana.peer.workspace().amount_unit, shown);
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}

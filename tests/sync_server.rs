//! Team sync against the stock sync server (`sync-server/`, installed by `npm ci` in the
//! test script): two peers with the app's protocol code share a workspace (mirrored into
//! its document), edit one field while offline, both end with both values, one
//! resolution reaches both, and the server keeps the document across a restart.

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
        let (mut socket, _) =
            tungstenite::connect(format!("ws://127.0.0.1:{port}")).expect("the server accepts");
        if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
            stream
                .set_read_timeout(Some(Duration::from_millis(400)))
                .expect("a read timeout");
        }
        send(&mut socket, self.replica.open());
        let started = Instant::now();
        loop {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "sync did not settle"
            );
            match socket.read() {
                Ok(tungstenite::Message::Binary(bytes)) => {
                    let incoming = self
                        .replica
                        .receive(&bytes)
                        .expect("the server's message is used");
                    if let Some(reply) = incoming.reply {
                        send(&mut socket, reply);
                    }
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
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
    fn names(&self) -> Vec<String> {
        let ws = self.workspace();
        let account = ws.accounts.first().expect("an account");
        let conflicts = self.replica.conflicts().expect("conflicts");
        let mut names: Vec<String> = match conflicts.iter().find(|c| c.path == name_path(&ws)) {
            Some(conflict) => conflict
                .values
                .iter()
                .map(|(v, _)| v.as_str().unwrap_or_default().to_owned())
                .collect(),
            None => vec![account.name.clone()],
        };
        names.sort();
        names
    }

    /// Renames the account as the app does: the workspace edited, then mirrored.
    fn rename(&mut self, name: &str) {
        let mut ws = self.workspace();
        let id = ws.accounts.first().expect("an account").id;
        ws.update_account(id, 1_764_700_000_000, |a| a.name = name.to_owned());
        // Offline here: nothing to send yet.
        assert_eq!(self.replica.edit(&ws).expect("mirrored"), None);
        self.keep();
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

    // Both rename the account while offline.
    ana.rename("Acme Ltd");
    li.rename("Acme Group");
    ana.sync_with(server.port);
    li.sync_with(server.port);
    ana.sync_with(server.port);
    assert_eq!(ana.names(), ["Acme Group", "Acme Ltd"]);
    assert_eq!(li.names(), ["Acme Group", "Acme Ltd"]);

    // Li picks one; the choice replaces both values everywhere.
    let path = name_path(&li.workspace());
    let (ws, _) = li
        .replica
        .resolve(&path, &serde_json::Value::from("Acme Group"))
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

//! The HTTP client really speaks TLS with the ring provider and the platform verifier
//! (reqwest is built with `rustls-no-provider`): a handshake with a loopback rustls server
//! succeeds when its CA is trusted and fails when it is not.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/tls/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A one-shot-per-connection HTTPS server on 127.0.0.1 answering "ok".
fn serve() -> u16 {
    connkit::submit::http::install_crypto_provider();
    let chain = vec![CertificateDer::from(fixture("leaf.der"))];
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(fixture("leaf.key.der")));
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut tcp) = stream else { continue };
            let config = config.clone();
            std::thread::spawn(move || {
                let Ok(conn) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(conn, &mut tcp);
                let mut buf = Vec::new();
                let mut chunk = [0u8; 1024];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut chunk) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let _ = tls.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                );
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    port
}

#[test]
fn https_handshake_verifies_against_trusted_roots() {
    let port = serve();
    let url = format!("https://127.0.0.1:{port}/ping");
    let ca = fixture("ca.der");
    let trusted = connkit::submit::http::build_client_with_roots(false, &[&ca]).unwrap();
    let resp = trusted.get(&url).send().unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.text().unwrap(), "ok");

    // Same server, CA not trusted: the certificate is rejected.
    let untrusted = connkit::submit::http::build_client(false).unwrap();
    let err = untrusted.get(&url).send().unwrap_err();
    let mut chain = format!("{err}");
    let mut src = std::error::Error::source(&err);
    while let Some(e) = src {
        chain.push_str(&format!(": {e}"));
        src = e.source();
    }
    assert!(chain.to_lowercase().contains("certificate"), "{chain}");
}

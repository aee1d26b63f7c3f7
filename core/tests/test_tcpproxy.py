import socket
import threading

import pytest

from core.tests.tcpproxy import TcpProxy


@pytest.fixture
def echo_server():
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=echo, args=(conn,), daemon=True).start()

    def echo(conn):
        with conn:
            while data := conn.recv(1024):
                conn.sendall(data)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    server.close()


def roundtrip(port, payload=b"ping"):
    with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
        conn.sendall(payload)
        return conn.recv(1024)


def answer(port):
    """What a cut proxy answers: it resets the connection or closes it unanswered, both read as nothing."""
    try:
        return roundtrip(port)
    except OSError:
        return b""


def test_forwards_then_refuses_when_cut_then_forwards_again(echo_server):
    with TcpProxy("127.0.0.1", echo_server) as proxy:
        assert roundtrip(proxy.port) == b"ping"

        proxy.cut()
        assert answer(proxy.port) == b""

        proxy.restore()
        assert roundtrip(proxy.port, b"pong") == b"pong"


def test_cut_drops_an_open_connection(echo_server):
    with TcpProxy("127.0.0.1", echo_server) as proxy:
        conn = socket.create_connection(("127.0.0.1", proxy.port), timeout=2)
        conn.sendall(b"a")
        assert conn.recv(1024) == b"a"
        proxy.cut()
        try:
            conn.sendall(b"b")
            received = conn.recv(1024)
        except OSError:
            received = b""
        conn.close()
        assert received == b""

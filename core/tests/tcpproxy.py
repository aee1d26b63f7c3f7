"""A TCP proxy that a fault test cuts and restores, to stand between the app and Redis or PostgreSQL.

    with TcpProxy("127.0.0.1", 6379) as proxy:
        url = f"redis://127.0.0.1:{proxy.port}/3"
        ...
        proxy.cut()       # open connections are closed, new ones are refused
        ...
        proxy.restore()   # new connections are forwarded again

While cut, the listening port stays bound (so the app cannot reconnect to something else by accident) but every
connection it accepts is closed at once, which the client sees as a reset or an EOF, as when the server is down.
"""

import selectors
import socket
import threading


class TcpProxy:
    def __init__(self, target_host, target_port, *, listen_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self._listener = socket.create_server((listen_host, 0))
        self._listener.setblocking(False)
        self.port = self._listener.getsockname()[1]
        self._cut = threading.Event()
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._pairs = set()
        self._thread = threading.Thread(target=self._serve, name=f"tcpproxy-{self.port}", daemon=True)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    @property
    def is_cut(self):
        return self._cut.is_set()

    def start(self):
        self._thread.start()

    def stop(self):
        self._stopped.set()
        self._thread.join(timeout=5)
        self._close_all()
        self._listener.close()

    def cut(self):
        """Drop every open connection and refuse new ones until restore()."""
        self._cut.set()
        self._close_all()

    def restore(self):
        self._cut.clear()

    def _close_all(self):
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def _serve(self):
        selector = selectors.DefaultSelector()
        selector.register(self._listener, selectors.EVENT_READ)
        while not self._stopped.is_set():
            for _key, _mask in selector.select(timeout=0.1):
                try:
                    client, _addr = self._listener.accept()
                except (BlockingIOError, OSError):
                    continue
                if self._cut.is_set():
                    _close(client)
                    continue
                threading.Thread(target=self._forward, args=(client,), daemon=True).start()
        selector.close()

    def _forward(self, client):
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            _close(client)
            return
        pair = (client, upstream)
        with self._lock:
            self._pairs.add(pair)
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while not self._stopped.is_set() and not self._cut.is_set():
                for key, _mask in selector.select(timeout=0.1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            with self._lock:
                self._pairs.discard(pair)
            _close(client)
            _close(upstream)


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback HTTP server that answers each path with a fixed answer and
/// records each request (method, path, body): for the redirects
/// scripts/http-server.py does not make (307, to another host, to another
/// scheme). One connection at a time; `stop()` ends it.
final class CannedServer: @unchecked Sendable {  // `received` behind `lock`
    struct Request: Equatable {
        let method: String
        let path: String
        let body: String
    }

    let port: Int
    private let socket: Int32
    private let answers: [String: String]
    private let lock = NSLock()
    private var received: [Request] = []

    /// `answers`: path → the whole answer, status line to body.
    init(_ answers: [String: String]) throws {
        self.answers = answers
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard listener >= 0, bound == 0, named == 0, listen(listener, 8) == 0 else {
            close(listener)
            throw CouldNotListen()
        }
        socket = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Ends accept(): the serving thread then closes the socket and returns.
    /// (Closed there, not here: a thread not yet in accept() could otherwise
    /// accept on the next server given the same descriptor number.)
    func stop() { shutdown(socket, Int32(SHUT_RDWR)) }

    struct CouldNotListen: Error {}

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    func requests() -> [Request] { lock.withLock { received } }

    private func serve() {
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else {
                close(socket)
                return
            }
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        func headEnd() -> Int? {
            guard bytes.count >= 4 else { return nil }
            return (0...(bytes.count - 4)).first { bytes[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
        }
        while headEnd() == nil {
            let n = read(connection, &buffer, buffer.count)
            guard n > 0 else { return }
            bytes += buffer[0..<n]
        }
        let end = headEnd()!
        let head = String(decoding: bytes[0..<end], as: UTF8.self).split(separator: "\r\n")
        let words = head.first?.split(separator: " ") ?? []
        let length =
            head.dropFirst().first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while bytes.count < end + 4 + length {
            let n = read(connection, &buffer, buffer.count)
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        let path = words.count > 1 ? String(words[1]) : ""
        let body = String(decoding: bytes[(end + 4)...], as: UTF8.self)
        lock.withLock { received.append(Request(method: words.first.map(String.init) ?? "", path: path, body: body)) }
        let reply = answers[path] ?? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = reply.utf8CString.withUnsafeBufferPointer { write(connection, $0.baseAddress, $0.count - 1) }
    }
}

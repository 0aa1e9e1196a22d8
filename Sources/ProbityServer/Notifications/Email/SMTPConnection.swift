import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Receives the server's replies and hands them, in order, to whoever waits for the next one.
/// Every method runs on the channel's event loop, which is what makes the unchecked `Sendable`
/// sound: the state is never touched from anywhere else.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var parser = SMTPReplyParser()
    private var replies: [SMTPReply] = []
    private var waiters: [EventLoopPromise<SMTPReply>] = []
    private var failure: SMTPError?
    private let stageName: () -> SMTPStage

    init(stage: @escaping () -> SMTPStage) { self.stageName = stage }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            for reply in try parser.feed(buffer.readableBytesView) {
                if waiters.isEmpty { replies.append(reply) } else { waiters.removeFirst().succeed(reply) }
            }
        } catch let error as SMTPError {
            fail(error)
            context.close(promise: nil)
        } catch {
            fail(.malformed("\(error)"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connection(stageName(), "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.connection(stageName(), String(describing: error)))
        context.close(promise: nil)
    }

    /// The next reply: one already received, or a future one.
    func next(on loop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if !replies.isEmpty { return loop.makeSucceededFuture(replies.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiters.append(promise)
        return promise.futureResult
    }

    /// The first error seen on the connection, if any.
    var recordedFailure: SMTPError? { failure }

    /// Fails everyone waiting, and every later wait, with the first error seen.
    func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.fail(failure ?? error) }
    }
}

/// One conversation with the mail server: send a command, wait for its reply, with a timeout on each.
final class SMTPConnection: @unchecked Sendable {
    let channel: any Channel
    let handler: SMTPReplyHandler
    let timeout: TimeAmount
    /// Only read and written on the channel's event loop (by the reply handler) and by the one
    /// task driving the conversation, which never runs concurrently with itself.
    private let stageBox: StageBox

    final class StageBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: SMTPStage = .connect
        var stage: SMTPStage {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    private init(channel: any Channel, handler: SMTPReplyHandler, timeout: TimeAmount, stageBox: StageBox) {
        self.channel = channel
        self.handler = handler
        self.timeout = timeout
        self.stageBox = stageBox
    }

    var stage: SMTPStage {
        get { stageBox.stage }
        set { stageBox.stage = newValue }
    }

    static func connect(host: String, port: Int, timeout: TimeAmount, group: any EventLoopGroup) async throws -> SMTPConnection {
        let box = StageBox()
        let handler = SMTPReplyHandler(stage: { box.stage })
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
                }
                .connect(host: host, port: port).get()
        } catch {
            throw SMTPError.connection(.connect, "could not connect to \(host):\(port): \(error)")
        }
        box.stage = .greeting
        return SMTPConnection(channel: channel, handler: handler, timeout: timeout, stageBox: box)
    }

    /// Waits for the next reply; after `timeout` the connection is closed and the wait fails.
    func reply() async throws -> SMTPReply {
        let loop = channel.eventLoop
        let handler = self.handler
        let stage = self.stage
        let channel = self.channel
        let timer = loop.scheduleTask(in: timeout) {
            handler.fail(.timeout(stage))
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        return try await loop.flatSubmit { handler.next(on: loop) }.get()
    }

    /// Sends raw bytes (already ending in CRLF).
    func write(_ text: String) async throws {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        } catch {
            // A write fails because the connection failed; say why it failed (a TLS handshake, say).
            let handler = self.handler
            if let recorded = try? await channel.eventLoop.submit({ handler.recordedFailure }).get() { throw recorded }
            throw SMTPError.connection(stage, "could not write: \(error)")
        }
    }

    /// Sends one command line and waits for its reply. `echo` is false for lines carrying credentials.
    func command(_ line: String, stage: SMTPStage) async throws -> SMTPReply {
        self.stage = stage
        try await write(line + "\r\n")
        return try await reply()
    }

    /// Sends a command and insists on one of `codes`.
    @discardableResult
    func expect(_ line: String, _ codes: Set<Int>, stage: SMTPStage) async throws -> SMTPReply {
        let reply = try await command(line, stage: stage)
        guard codes.contains(reply.code) else { throw SMTPError.reply(stage, reply) }
        return reply
    }

    /// Puts TLS under the conversation (after the server's 220 to STARTTLS).
    func startTLS(serverHostname: String?, configuration: TLSConfiguration) async throws {
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.configuration("The TLS settings for the mail server cannot be used: \(error)")
        }
        let channel = self.channel
        try await channel.eventLoop.submit {
            let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
            try channel.pipeline.syncOperations.addHandler(tls, position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close().get()
    }
}

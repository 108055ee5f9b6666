using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 16: a graceful stop under keep-alive load answers every request a client has sent. A server that
/// closes a keep-alive connection while its client is sending the next request loses that request; so after the
/// signal each connection is closed only after a response that says "Connection: close", and only then does the
/// server stop.
/// </summary>
[TestClass]
public sealed class ServeStopFaultTests
{
    private const int Connections = 6;
    // A bound far beyond what a client sends before the signal reaches the server.
    private const int MostRequestsPerConnection = 100_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = ReadmeExamples.Positive }));

    [TestMethod]
    public async Task SigTerm_UnderKeepAliveLoad_AnswersEveryRequestSent_AndClosesEachConnectionWithConnectionClose()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        var answered = new int[Connections];
        // Half the clients send back to back, half pause 150 ms between requests as a browser or a script does: their
        // connections are idle when the signal comes.
        var clients = Enumerable.Range(0, Connections)
            .Select(i => Task.Factory.StartNew(() => KeepAliveClient(serve.Port, TimeSpan.FromMilliseconds(i % 2 == 0 ? 0 : 150), () => Interlocked.Increment(ref answered[i])),
                TaskCreationOptions.LongRunning))
            .ToArray();
        var deadline = DateTime.UtcNow + Patience;
        // Every client connected and answered before the signal, and some load behind it.
        while ((answered.Any(count => count == 0) || answered.Sum() < 200) && clients.All(client => !client.IsCompleted))
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "the clients got no answers");
            await Task.Delay(10);
        }

        Assert.IsTrue(serve.Command.Send("TERM"));
        var endings = await Task.WhenAll(clients).WaitAsync(Patience);
        var outcome = serve.Command.WaitForExit();

        var lost = endings.Where(ending => ending != ClientEnding.ToldToClose).ToList();
        Assert.IsEmpty(lost, $"{lost.Count} of {Connections} connections: {string.Join(", ", lost)}; {answered.Sum()} requests answered");
        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Stopped: the requests in flight were answered first.");
        fault.AssertOnlyLeft();
    }

    private enum ClientEnding
    {
        ToldToClose,
        ClosedWithoutAnAnswer,
        NeverToldToClose,
    }

    private static ClientEnding KeepAliveClient(int port, TimeSpan pause, Action onAnswer)
    {
        using var connection = new TcpClient();
        connection.Connect(IPAddress.Loopback, port);
        var stream = connection.GetStream();
        stream.ReadTimeout = (int)Patience.TotalMilliseconds;
        var request = Encoding.ASCII.GetBytes(
            $"POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n");
        for (var i = 0; i < MostRequestsPerConnection; i++)
        {
            Thread.Sleep(pause);
            try
            {
                stream.Write([.. request, .. Body]);
                if (ReadResponse(stream) is not { } head)
                    return ClientEnding.ClosedWithoutAnAnswer;
                StringAssert.StartsWith(head, "HTTP/1.1 200 OK", head);
                onAnswer();
                if (head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase))
                    return ClientEnding.ToldToClose;
            }
            catch (IOException)
            {
                return ClientEnding.ClosedWithoutAnAnswer;
            }
        }
        return ClientEnding.NeverToldToClose;
    }

    /// <returns>The response's head, its body read past; null when the connection ends before the whole response.</returns>
    private static string? ReadResponse(NetworkStream stream)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var next = stream.ReadByte();
            if (next < 0)
                return null;
            head.Append((char)next);
        }
        var text = head.ToString();
        var length = int.Parse(text.Split("\r\n").Single(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim());
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = stream.Read(body, read, length - read);
            if (count == 0)
                return null;
            read += count;
        }
        return text;
    }
}

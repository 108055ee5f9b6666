using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ImdbSentiment.Model;
using ImdbSentiment.Tests.Faults;

namespace ImdbSentiment.Tests.Serve;

/// <summary>Issue 12: the serve command in its own process: its refusals, and a graceful stop on SIGTERM.</summary>
[TestClass]
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [TestMethod]
    [DataRow(FaultAssert.Failure, "no-such-model.zip: no model file there", "--model", "no-such-model.zip")]
    [DataRow(FaultAssert.Usage, "--urls: 'http://example.com:5080': the host 'example.com' is a name", "--urls", "http://example.com:5080")]
    [DataRow(FaultAssert.Usage, "--max-texts: 0 is out of range: expected 1 to 100,000", "--max-texts", "0")]
    public void Serve_Refuses_WithOneErrorLine_AndTheExitCode(int exitCode, string message, string flag, string value)
    {
        using var fault = new FaultCase();
        var arguments = flag == "--model" ? new[] { "serve", flag, value } : ["serve", "--model", FaultCase.ShippedModel, flag, value];

        FaultAssert.OneErrorLine(fault.Run(arguments), exitCode, message);
    }

    [TestMethod]
    public void Serve_OnAPortInUse_FailsNamingTheAddress_AndLeavesNothing()
    {
        using var fault = new FaultCase();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

            var outcome = fault.Run("serve", "--model", FaultCase.ShippedModel, "--urls", address);

            FaultAssert.OneErrorLine(outcome, FaultAssert.Failure, address, "address already in use");
            Assert.AreEqual("", outcome.Output, "no log of the failed start");
        }
        finally
        {
            taken.Stop();
        }
        fault.AssertOnlyLeft();
    }

    [TestMethod]
    public void SigTerm_StopsTakingConnections_AnswersTheRequestInFlight_AndExitsWithZero()
    {
        using var fault = new FaultCase();
        using var server = ServeProcess.Start(fault);
        var (serve, port) = (server.Command, server.Port);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { text = ReadmeExamples.Positive }));

        using var connection = new TcpClient();
        connection.Connect(IPAddress.Loopback, port);
        var stream = connection.GetStream();
        stream.ReadTimeout = (int)Patience.TotalMilliseconds;
        stream.Write(Encoding.ASCII.GetBytes(
            $"POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\n\r\n"));
        // Kestrel sends 100 Continue when the endpoint starts reading the body: the request is in flight from here.
        StringAssert.StartsWith(ReadHead(stream), "HTTP/1.1 100 Continue");

        Assert.IsTrue(serve.Send("TERM"));
        serve.WaitUntil(() => serve.ErrorSoFar.Contains("SIGTERM: stopping"), "the signal's notice");
        WaitUntilRefused(port);
        stream.Write(body);
        var response = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var outcome = serve.WaitForExit();

        StringAssert.StartsWith(response, "HTTP/1.1 200 OK", response);
        var served = ServedPrediction.From(JsonDocument.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement);
        using (var model = SentimentModel.Load(FaultCase.ShippedModel))
        using (var engine = model.CreatePredictionEngine())
            served.AssertEquals(engine.Predict(new ReviewInput { Text = ReadmeExamples.Positive }), "the request in flight");
        Assert.AreEqual(0, outcome.ExitCode, outcome.Error);
        StringAssert.Contains(outcome.Output, "Stopped: the requests in flight were answered first.");
        fault.AssertOnlyLeft();
    }

    // The signal's stop closes the listening socket first; only then is the request's body sent.
    private static void WaitUntilRefused(int port)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                probe.Connect(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return;
            }
            Assert.IsLessThan(deadline, DateTime.UtcNow, "the server still takes connections after SIGTERM");
            Thread.Sleep(20);
        }
    }

    private static string ReadHead(NetworkStream stream)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var next = stream.ReadByte();
            Assert.AreNotEqual(-1, next, $"the connection closed after: {head}");
            head.Append((char)next);
        }
        return head.ToString();
    }
}

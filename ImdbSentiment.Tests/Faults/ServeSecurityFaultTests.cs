using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ImdbSentiment.Tests.Faults;

/// <summary>
/// Issue 23, item 4: a web page in the user's browser must not be able to drive serve. A form or fetch() without a
/// preflight can only send text/plain, form or multipart bodies, so /predict answers JSON content types only; a
/// DNS-rebinding page reaches the server under its own host name, so only the names the server was started for are
/// answered. /model gives no paths of the machine the model was trained on; HEAD works wherever GET does.
/// </summary>
[TestClass]
public sealed class ServeSecurityFaultTests
{
    private static readonly string Review = JsonSerializer.Serialize(new { text = ReadmeExamples.Positive });

    [TestMethod]
    public async Task Predict_ABodyThatIsNotDeclaredJson_Is415_WithAJsonErrorNamingContentType()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        using var client = serve.Client();

        foreach (var contentType in new[] { "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json-ish", null })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Review));
            if (contentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync("/predict", content);

            var (status, body) = (response.StatusCode, await JsonBody(response));
            Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, status, $"{contentType}: {body}");
            Assert.AreEqual("Content-Type", body.GetProperty("field").GetString(), body.ToString());
            StringAssert.StartsWith(body.GetProperty("error").GetString(), "Content-Type: ");
            StringAssert.Contains(body.GetProperty("error").GetString(), "application/json");
        }
    }

    [TestMethod]
    public async Task Predict_AJsonContentType_IsAnswered()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        using var client = serve.Client();

        foreach (var contentType in new[] { "application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.review+json" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Review));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync("/predict", content);

            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{contentType}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [TestMethod]
    public async Task AHostNameTheServerWasNotStartedFor_Is400_NamingTheHostField_OnEveryRoute()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        using var client = serve.Client();

        foreach (var host in new[] { "evil.example", $"evil.example:{serve.Port}", "localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.7" })
        {
            foreach (var request in Requests())
            {
                request.Headers.Host = host;
                using var response = await client.SendAsync(request);

                var body = await JsonBody(response);
                Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, $"{request.Method} {request.RequestUri} as {host}: {body}");
                Assert.AreEqual("Host", body.GetProperty("field").GetString(), body.ToString());
                StringAssert.StartsWith(body.GetProperty("error").GetString(), "Host: ");
                StringAssert.Contains(body.GetProperty("error").GetString(), "--allowed-hosts");
            }
        }
    }

    [TestMethod]
    public async Task TheLoopbackNames_AndTheOnesGivenWithAllowedHosts_AreAnswered()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault, "--allowed-hosts", "sentiment.internal;*.reviews.example");
        using var client = serve.Client();

        foreach (var host in new[] { "localhost", $"localhost:{serve.Port}", "LocalHost", "127.0.0.1", $"127.0.0.1:{serve.Port}", "[::1]", $"[::1]:{serve.Port}",
                     "sentiment.internal", "api.reviews.example" })
        {
            foreach (var request in Requests())
            {
                request.Headers.Host = host;
                using var response = await client.SendAsync(request);

                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{request.Method} {request.RequestUri} as {host}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "evil.example" } };
        using var stillRefused = await client.SendAsync(refused);
        Assert.AreEqual(HttpStatusCode.BadRequest, stillRefused.StatusCode, "a name that is not given stays refused");
    }

    [TestMethod]
    public async Task TheHostOfUrls_IsAnswered()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault, "--urls", $"http://127.0.0.2:{LoopbackHttp.FreePort()}");
        using var client = serve.Client();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    [DataRow("/health")]
    [DataRow("/model")]
    public async Task Head_OnAGetRoute_IsWhatGetSays_WithoutTheBody(string path)
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        using var client = serve.Client();

        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.AreEqual(HttpStatusCode.OK, head.StatusCode);
        Assert.AreEqual(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.AreEqual((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.IsEmpty(await head.Content.ReadAsByteArrayAsync());
    }

    [TestMethod]
    public async Task Model_OfTheShippedModel_ShowsNoPathOfTheTrainingMachine()
    {
        using var fault = new FaultCase();
        using var serve = ServeProcess.Start(fault);
        using var client = serve.Client();

        var facts = await client.GetStringAsync("/model");

        var commandLine = JsonDocument.Parse(facts).RootElement.GetProperty("card").GetProperty("commandLine").GetString()!;
        Assert.DoesNotContain("/work/", facts);
        Assert.DoesNotContain("cd ", commandLine);
        StringAssert.Contains(commandLine, "train --dataset aclImdb-train.tar.gz");
        StringAssert.Contains(commandLine, "--output imdb-sentiment.zip");
    }

    [TestMethod]
    public async Task Model_TrainedWithAbsolutePaths_ShowsOnlyTheirFileNames()
    {
        using var fault = new FaultCase();
        var dataset = fault.Input("private data/reviews.tsv", string.Concat(SyntheticReviews.Create(200, seed: 23).Select(r => $"{r.Text}\t{(r.Label ? 1 : 0)}\n")));
        var model = fault.PathOf("out/model.zip");
        var trained = fault.Run("train", "--dataset", Path.GetFullPath(dataset), "--vocab-size", "30", "--max-length", "10", "--epochs", "1",
            $"--output={Path.GetFullPath(model)}", "--report-dir", fault.PathOf("out/model-report"));
        Assert.AreEqual(0, trained.ExitCode, trained.Error);
        using var serve = ServeProcess.Start(fault, "--model", model);
        using var client = serve.Client();

        var facts = await client.GetStringAsync("/model");

        Assert.DoesNotContain(fault.Folder, facts);
        Assert.DoesNotContain(Path.GetTempPath(), facts);
        var commandLine = JsonDocument.Parse(facts).RootElement.GetProperty("card").GetProperty("commandLine").GetString()!;
        StringAssert.Contains(commandLine, "--dataset reviews.tsv");
        StringAssert.Contains(commandLine, "--output=model.zip");
        StringAssert.Contains(commandLine, "--report-dir model-report");
    }

    private static IEnumerable<HttpRequestMessage> Requests() =>
    [
        new(HttpMethod.Get, "/health"),
        new(HttpMethod.Get, "/model"),
        new(HttpMethod.Post, "/predict") { Content = new StringContent(Review, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) },
    ];

    private static async Task<JsonElement> JsonBody(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "application/json", $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

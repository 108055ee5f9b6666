using System.Runtime.InteropServices;
using System.Text.Json;
using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Measurement;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Benchmarks.Suites.Epoch;

/// <summary>
/// BASELINE: the same network in PyTorch (torch_epoch.py beside this file), trained on the suite's own token ids and
/// labels, written once to a temporary folder; run by a python3 that imports torch (Debian 13's python3-torch). Absent,
/// the suite says so and carries on: it is never a requirement.
/// </summary>
internal sealed class PyTorchSideBySide : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _python;

    private PyTorchSideBySide(string python, SequenceTensors training, SequenceTensors validation)
    {
        _python = python;
        Version = PythonScript.RunScript(python, "-c", "import torch; print(torch.__version__)").Trim();
        Write("train", training);
        Write("val", validation);
        File.WriteAllText(_folder.File("shape.json"),
            JsonSerializer.Serialize(new { vocabulary = training.Inputs.VocabularySize, length = training.TokenIds.shape[1] }));
    }

    /// <summary>torch.__version__, e.g. 2.6.0+debian.</summary>
    public string Version { get; }

    public static string Unavailable => $"PyTorch rows skipped: no python3 that imports torch (tried {string.Join(", ", PythonScript.Interpreters)}; Debian 13's python3-torch provides it).";

    /// <summary>The baseline on these splits, or null (with the reason in <see cref="Unavailable"/>) when no python3 imports torch.</summary>
    public static PyTorchSideBySide? TryCreate(SequenceTensors training, SequenceTensors validation) =>
        PythonScript.FindInterpreter("import torch, numpy") is { } python ? new PyTorchSideBySide(python, training, validation) : null;

    /// <param name="network">torch_epoch.py's network: embedding-rnn or bilstm.</param>
    public EpochRun Train(string network, int threads, int epochs, int batchSize, int evaluationBatchSize)
    {
        Progress.Report($"epoch: PyTorch {network} at {threads} thread(s), {epochs} epoch(s)...");
        var output = PythonScript.RunScript(_python, PythonScript.Path("Suites", "Epoch", "torch_epoch.py"),
            network, _folder.Path, threads.ToString(), epochs.ToString(), batchSize.ToString(), evaluationBatchSize.ToString());
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        return new EpochRun(root.GetProperty("threads").GetInt32(),
            root.GetProperty("epoch_seconds").EnumerateArray().Select(seconds => seconds.GetDouble()).ToArray(),
            root.GetProperty("val_accuracy").GetDouble());
    }

    private void Write(string split, SequenceTensors data)
    {
        File.WriteAllBytes(_folder.File($"{split}_ids.bin"), MemoryMarshal.AsBytes(data.TokenIds.to_type(TorchSharp.torch.ScalarType.Int64).contiguous().data<long>().ToArray().AsSpan()).ToArray());
        File.WriteAllBytes(_folder.File($"{split}_labels.bin"), MemoryMarshal.AsBytes(data.Labels.contiguous().data<float>().ToArray().AsSpan()).ToArray());
    }

    public void Dispose() => _folder.Dispose();
}

using ImdbSentiment.Model.IO;
using TorchSharp;

namespace ImdbSentiment.Training.Fitting;

/// <summary>Writes a network's weights (TorchSharp state) atomically, so a crash never leaves a half-written checkpoint.</summary>
internal static class CheckpointWriter
{
    public static void Write(torch.nn.Module module, string path) =>
        AtomicFile.Write(path, temporary => module.save(temporary));
}

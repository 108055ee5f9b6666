using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Onnx;
using Onnx;
using static ImdbSentiment.Training.Onnx.OnnxGraphBuilder;

namespace ImdbSentiment.Training.Networks;

/// <summary><see cref="RealTokens"/> as ONNX nodes, for the masked gated networks' export.</summary>
internal static class RealTokensOnnx
{
    public const string AlignedIds = "aligned_token_ids";

    /// <summary>Each row's length (int32 [batch]), the LSTM/GRU nodes' sequence_lens.</summary>
    public const string SequenceLengths = "sequence_lens";

    /// <summary>Each row's length (int64 [batch, 1]).</summary>
    public const string Lengths = "lengths";

    /// <summary>bool [time, 1, batch, 1]: whether a position of a layer's output Y holds a real token.</summary>
    public const string OutputMask = "real_positions";

    /// <summary>
    /// Token ids [batch, time] -> <see cref="AlignedIds"/> (the real tokens moved to each row's start, padding after
    /// them), <see cref="SequenceLengths"/> and <see cref="OutputMask"/>: the first real token is the first maximum of
    /// the real-token flags (ArgMax), and row b's position t reads position (t + first) mod time.
    /// </summary>
    public static void Add(OnnxGraphBuilder graph)
    {
        const string ids = NetworkGraphNames.TokenIdsInput;
        graph
            .Initializer("padding_id", [Vocabulary.PaddingId])
            .Initializer("zero", [0L])
            .Initializer("one", [1L])
            .Initializer("time_axis", [1L], 1)
            .Initializer("mask_axes", [1L, 3L], 2)
            .Node("Equal", [ids, "padding_id"], ["is_padding"])
            .Node("Not", ["is_padding"], ["is_real"])
            .Node("Cast", ["is_real"], ["real_flags"], CastTo(TensorProto.Types.DataType.Int64))
            .Node("ReduceSum", ["real_flags", "time_axis"], ["real_counts"], IntAttribute("keepdims", 1))
            // A row of padding alone runs one padding step, as RealTokens does.
            .Node("Max", ["real_counts", "one"], [Lengths])
            .Node("Cast", ["real_flags"], ["real_flags_int32"], CastTo(TensorProto.Types.DataType.Int32))
            .Node("ArgMax", ["real_flags_int32"], ["first_real"], IntAttribute("axis", 1), IntAttribute("keepdims", 1))
            .Node("Shape", [ids], ["ids_shape"])
            .Node("Gather", ["ids_shape", "one"], ["time"], IntAttribute("axis", 0))
            .Node("Range", ["zero", "time", "one"], ["positions"])
            .Node("Add", ["positions", "first_real"], ["shifted_positions"])
            .Node("Mod", ["shifted_positions", "time"], ["source_positions"])
            .Node("GatherElements", [ids, "source_positions"], [AlignedIds], IntAttribute("axis", 1))
            .Node("Squeeze", [Lengths, "time_axis"], ["row_lengths"])
            .Node("Cast", ["row_lengths"], [SequenceLengths], CastTo(TensorProto.Types.DataType.Int32))
            // positions [time, 1] < lengths [1, batch] -> [time, batch] -> [time, 1, batch, 1].
            .Node("Unsqueeze", ["positions", "time_axis"], ["position_column"])
            .Node("Transpose", [Lengths], ["length_row"], IntsAttribute("perm", 1, 0))
            .Node("Less", ["position_column", "length_row"], ["real_time_batch"])
            .Node("Unsqueeze", ["real_time_batch", "mask_axes"], [OutputMask]);
    }
}

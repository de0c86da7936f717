using System.Runtime.Intrinsics;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// A small neural head for sentiment over the sentence embedding, the question answered and the FFT answer given with
/// it (<see cref="Input"/>): one hidden layer of
/// rectified units, then softmax over the three classes. The linear regression over the TF-IDF terms and the embedding
/// cannot see how the embedding's dimensions combine; this can, and the two together are right more often than either
/// (docs/model-card.md). Trained by Adam with L2 on minibatches, from a fixed seed, with sums in a fixed order, so the
/// same data gives the same weights, byte for byte, run after run.
/// </summary>
internal sealed class SentimentNetwork
{
    private const int Classes = 3;
    private static readonly int Questions = Enum.GetValues<QuestionKind>().Length;
    private static readonly int Answers = Enum.GetValues<FftAnswer>().Length;

    internal SentimentNetwork(int embeddingDimensions, int inputs, int hidden, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
    {
        Inputs = inputs;
        EmbeddingDimensions = embeddingDimensions;
        Hidden = hidden;
        HiddenWeights = hiddenWeights;
        HiddenBias = hiddenBias;
        OutputWeights = outputWeights;
        OutputBias = outputBias;
    }

    /// <summary>The embedding's length.</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>
    /// How many numbers it reads: the embedding, then one per kind of question, then one per FFT answer (a network of
    /// a model file before 2026-12-01 reads no FFT answer).
    /// </summary>
    public int Inputs { get; }

    /// <summary>Whether it reads the FFT answer.</summary>
    public bool ReadsFft => Inputs > EmbeddingDimensions + Questions;

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    /// <summary>The hidden layer's weights, unit by unit (<c>[unit * Inputs + input]</c>).</summary>
    public float[] HiddenWeights { get; }

    /// <summary>The hidden layer's biases.</summary>
    public float[] HiddenBias { get; }

    /// <summary>The output layer's weights, class by class (<c>[class * Hidden + unit]</c>).</summary>
    public float[] OutputWeights { get; }

    /// <summary>The output layer's biases.</summary>
    public float[] OutputBias { get; }

    /// <summary>
    /// What the network reads for a text: its embedding, then which question it answers, one-hot, then the FFT answer
    /// given with it, one-hot, when the question is known (as <see cref="AnswerContext"/>).
    /// </summary>
    public static float[] Input(float[] embedding, QuestionKind question, FftAnswer fft)
    {
        var input = new float[embedding.Length + Questions + Answers];
        embedding.CopyTo(input, 0);
        input[embedding.Length + (int)question] = 1;
        input[embedding.Length + Questions + (int)AnswerContext.Read(question, fft)] = 1;
        return input;
    }

    /// <summary>What this network reads for a text: <see cref="Input"/>, without the FFT answer when it reads none.</summary>
    public float[] InputFor(float[] embedding, QuestionKind question, FftAnswer fft) =>
        ReadsFft ? Input(embedding, question, fft) : Input(embedding, question, FftAnswer.Unknown)[..Inputs];

    /// <summary>The three probabilities for an input made by <see cref="Input"/>.</summary>
    public double[] Probabilities(float[] input)
    {
        if (input.Length != Inputs)
        {
            throw new ArgumentException($"The sentiment network reads {Inputs} numbers, not {input.Length}.", nameof(input));
        }

        var probabilities = new double[Classes];
        Forward(input, new float[Hidden], probabilities);
        return probabilities;
    }

    /// <summary>Fits the network to inputs made by <see cref="Input"/> and their classes.</summary>
    public static SentimentNetwork Fit(float[][] inputs, int[] classes, SentimentNetworkOptions options, int seed)
    {
        var random = new Random(seed);
        var network = Start(inputs[0].Length - Questions - Answers, inputs[0].Length, options.Hidden, random);
        var gradient = new SentimentNetwork(network.EmbeddingDimensions, network.Inputs, network.Hidden, [.. network.Blocks.Select(block => new float[block.Length])]);
        var adam = network.Blocks.Select(block => new Adam(block.Length)).ToArray();
        var activation = new float[network.Hidden];
        var order = Enumerable.Range(0, inputs.Length).ToArray();
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
                Array.ForEach(gradient.Blocks, block => Array.Clear(block));
                foreach (var row in batch)
                {
                    network.AddGradient(inputs[row], classes[row], activation, gradient);
                }

                // The batch's mean gradient, with L2 on the weights (not the biases) as alpha / batch size.
                step++;
                for (var b = 0; b < adam.Length; b++)
                {
                    var (parameters, slope) = (network.Blocks[b], gradient.Blocks[b]);
                    var (scale, decay) = (1f / batch.Length, b % 2 == 0 ? (float)(options.L2 / batch.Length) : 0f);
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        slope[i] = slope[i] * scale + decay * parameters[i];
                    }

                    adam[b].Step(parameters, slope, options.LearningRate, step);
                }
            }
        }

        return network;
    }

    // The weights and biases, in the order the optimiser walks them: weights at even places, biases at odd.
    private float[][] Blocks => [HiddenWeights, HiddenBias, OutputWeights, OutputBias];

    private SentimentNetwork(int embeddingDimensions, int inputs, int hidden, float[][] blocks)
        : this(embeddingDimensions, inputs, hidden, blocks[0], blocks[1], blocks[2], blocks[3])
    {
    }

    /// <summary>Glorot-uniform weights and biases, scaled for rectified units, as scikit-learn's MLPClassifier starts.</summary>
    private static SentimentNetwork Start(int embeddingDimensions, int inputs, int hidden, Random random)
    {
        float[] Uniform(int count, int fanIn, int fanOut)
        {
            var bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * bound))];
        }

        return new SentimentNetwork(
            embeddingDimensions,
            inputs,
            hidden,
            Uniform(hidden * inputs, inputs, hidden),
            Uniform(hidden, inputs, hidden),
            Uniform(Classes * hidden, hidden, Classes),
            Uniform(Classes, hidden, Classes));
    }

    /// <summary>Adds one example's gradient of the cross-entropy to <paramref name="gradient"/> (a network of the same shape).</summary>
    private void AddGradient(float[] input, int truth, float[] activation, SentimentNetwork gradient)
    {
        Span<double> p = stackalloc double[Classes];
        Forward(input, activation, p);
        Span<float> error = stackalloc float[Classes];
        for (var k = 0; k < Classes; k++)
        {
            // Through the softmax, the output's error is the probability less the truth.
            error[k] = (float)(p[k] - (truth == k ? 1 : 0));
            gradient.OutputBias[k] += error[k];
            Axpy(error[k], activation, gradient.OutputWeights.AsSpan(k * Hidden, Hidden));
        }

        for (var j = 0; j < Hidden; j++)
        {
            if (activation[j] <= 0)
            {
                continue;
            }

            var delta = 0f;
            for (var k = 0; k < Classes; k++)
            {
                delta += error[k] * OutputWeights[k * Hidden + j];
            }

            gradient.HiddenBias[j] += delta;
            Axpy(delta, input, gradient.HiddenWeights.AsSpan(j * Inputs, Inputs));
        }
    }

    private void Forward(float[] input, float[] activation, Span<double> probabilities)
    {
        for (var j = 0; j < Hidden; j++)
        {
            activation[j] = Math.Max(0, HiddenBias[j] + Dot(HiddenWeights.AsSpan(j * Inputs, Inputs), input));
        }

        for (var k = 0; k < Classes; k++)
        {
            probabilities[k] = OutputBias[k] + Dot(OutputWeights.AsSpan(k * Hidden, Hidden), activation);
        }

        SoftmaxRegression.Softmax(probabilities);
    }

    // Four lanes whatever the processor's widest vector, so the order of the sums does not depend on it.
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector128<float>.Zero;
        var i = 0;
        for (; i <= a.Length - 4; i += 4)
        {
            sum += Vector128.Create(a.Slice(i, 4)) * Vector128.Create(b.Slice(i, 4));
        }

        var total = sum.GetElement(0) + sum.GetElement(1) + sum.GetElement(2) + sum.GetElement(3);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var va = Vector128.Create(a);
        var i = 0;
        for (; i <= x.Length - 4; i += 4)
        {
            (Vector128.Create(y.Slice(i, 4)) + va * Vector128.Create(x.Slice(i, 4))).CopyTo(y.Slice(i, 4));
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>Writes the network (weights as half precision, like the model's regressions).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(EmbeddingDimensions);
        if (ReadsFft)
        {
            writer.Write(Inputs);
        }

        writer.Write(Hidden);
        foreach (var weights in new[] { HiddenWeights, OutputWeights })
        {
            foreach (var weight in weights)
            {
                writer.Write((Half)weight);
            }
        }

        Array.ForEach(HiddenBias, writer.Write);
        Array.ForEach(OutputBias, writer.Write);
    }

    /// <summary>
    /// Reads a network written by <see cref="Write"/>; <paramref name="withoutFft"/> for a model file before the FFT
    /// answer (format 4), which did not write how many inputs.
    /// </summary>
    public static SentimentNetwork Read(BinaryReader reader, bool withoutFft = false)
    {
        var dimensions = reader.ReadInt32();
        var inputs = withoutFft ? dimensions + Questions : reader.ReadInt32();
        var hidden = reader.ReadInt32();
        float[] Read(int count, Func<float> read) => [.. Enumerable.Range(0, count).Select(_ => read())];
        var hiddenWeights = Read(hidden * inputs, () => (float)reader.ReadHalf());
        var outputWeights = Read(Classes * hidden, () => (float)reader.ReadHalf());
        return new SentimentNetwork(dimensions, inputs, hidden, hiddenWeights, Read(hidden, reader.ReadSingle), outputWeights, Read(Classes, reader.ReadSingle));
    }

    /// <summary>Adam's running moments for one block of parameters.</summary>
    private sealed class Adam(int length)
    {
        private const double Beta1 = 0.9;
        private const double Beta2 = 0.999;
        private const double Epsilon = 1e-8;
        private readonly float[] _first = new float[length];
        private readonly float[] _second = new float[length];

        public void Step(float[] parameters, float[] gradient, double learningRate, int step)
        {
            var rate = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step));
            for (var i = 0; i < parameters.Length; i++)
            {
                _first[i] = (float)(Beta1 * _first[i] + (1 - Beta1) * gradient[i]);
                _second[i] = (float)(Beta2 * _second[i] + (1 - Beta2) * gradient[i] * gradient[i]);
                parameters[i] -= (float)(rate * _first[i] / (Math.Sqrt(_second[i]) + Epsilon));
            }
        }
    }
}

/// <summary>How the sentiment network is trained.</summary>
/// <param name="Hidden">Hidden units.</param>
/// <param name="Epochs">Passes over the training comments.</param>
/// <param name="BatchSize">Comments per step.</param>
/// <param name="L2">The L2 penalty on the weights (scikit-learn's <c>alpha</c>).</param>
/// <param name="LearningRate">Adam's step size.</param>
public sealed record SentimentNetworkOptions(int Hidden = 128, int Epochs = 30, int BatchSize = 64, double L2 = 0.1, double LearningRate = 0.001);

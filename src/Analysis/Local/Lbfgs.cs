namespace QualityVoice.Analysis.Local;

/// <summary>
/// Limited-memory BFGS: minimises a smooth function from its value and gradient, keeping the last few steps to
/// approximate the curvature. Deterministic: the same function gives the same answer every time.
/// </summary>
internal static class Lbfgs
{
    /// <summary>A function to minimise: returns its value at <c>x</c> and writes its gradient.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimises <paramref name="objective"/> from zero.</summary>
    public static double[] Minimize(int dimension, Objective objective, int maxIterations = 300, int memory = 8, double tolerance = 1e-6)
    {
        var x = new double[dimension];
        var gradient = new double[dimension];
        var value = objective(x, gradient);
        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var direction = new double[dimension];
        var nextX = new double[dimension];
        var nextGradient = new double[dimension];
        var alpha = new double[memory];
        var stalled = 0;

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var gradientNorm = Math.Sqrt(Dot(gradient, gradient));
            if (gradientNorm < tolerance * Math.Max(1.0, Math.Sqrt(Dot(x, x))))
            {
                break;
            }

            // Two-loop recursion: direction = −H·g.
            Array.Copy(gradient, direction, dimension);
            for (var i = s.Count - 1; i >= 0; i--)
            {
                alpha[i] = rho[i] * Dot(s[i], direction);
                Axpy(-alpha[i], y[i], direction);
            }

            var gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1.0 / gradientNorm;
            Scale(direction, gamma);
            for (var i = 0; i < s.Count; i++)
            {
                var beta = rho[i] * Dot(y[i], direction);
                Axpy(alpha[i] - beta, s[i], direction);
            }

            Scale(direction, -1.0);
            var slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                // Not a descent direction: start the memory again with steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                Array.Copy(gradient, direction, dimension);
                Scale(direction, -1.0 / gradientNorm);
                slope = Dot(gradient, direction);
            }

            // Backtracking line search for sufficient decrease (Armijo).
            var step = 1.0;
            double nextValue;
            var accepted = false;
            for (var trial = 0; trial < 30; trial++)
            {
                for (var i = 0; i < dimension; i++)
                {
                    nextX[i] = x[i] + step * direction[i];
                }

                nextValue = objective(nextX, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope)
                {
                    accepted = true;
                    var sk = new double[dimension];
                    var yk = new double[dimension];
                    for (var i = 0; i < dimension; i++)
                    {
                        sk[i] = nextX[i] - x[i];
                        yk[i] = nextGradient[i] - gradient[i];
                    }

                    var sy = Dot(sk, yk);
                    if (sy > 1e-12)
                    {
                        if (s.Count == memory)
                        {
                            s.RemoveAt(0);
                            y.RemoveAt(0);
                            rho.RemoveAt(0);
                        }

                        s.Add(sk);
                        y.Add(yk);
                        rho.Add(1.0 / sy);
                    }

                    var improvement = value - nextValue;
                    Array.Copy(nextX, x, dimension);
                    Array.Copy(nextGradient, gradient, dimension);
                    value = nextValue;

                    // Stop when the value has barely moved for several steps in a row, not after one short step.
                    stalled = improvement < tolerance * Math.Max(1.0, Math.Abs(value)) ? stalled + 1 : 0;
                    if (stalled >= 5)
                    {
                        return x;
                    }

                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                if (s.Count == 0)
                {
                    break;
                }

                // The curvature memory led nowhere: forget it and try again from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
            }
        }

        return x;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(Span<double> x, double a)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}

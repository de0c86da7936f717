using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace QualityVoice.Bench.Intake;

/// <summary>Realistic API requests: services from the default pack, FFT answers, comments of everyday length.</summary>
internal static class Submissions
{
    private static readonly string[] Services = ["rx6-pts", "other"];

    private static readonly string[] Ratings = ["very-good", "good", "neither", "poor", "very-poor", "dont-know"];

    private static readonly string[] Good =
    [
        "The nurses on the ward were kind and explained everything to my mum.",
        "Seen quickly, the doctor listened and I felt reassured.",
        "Reception staff were friendly and the waiting room was clean.",
        "The ambulance crew were calm and professional, thank you.",
    ];

    private static readonly string[] Improve =
    [
        "The wait in A&E was over six hours and nobody told us why.",
        "Parking was impossible and the signs to the clinic were confusing.",
        "I was discharged without my medication and had to come back the next day.",
        "Nobody rang back when they said they would.",
    ];

    public static HttpRequestMessage Create(int n, string? idempotencyKey)
    {
        var body = JsonSerializer.Serialize(new
        {
            kind = n % 5 == 0 ? "carer" : "patient",
            service = Services[n % Services.Length],
            serviceName = "Community podiatry",
            fftRating = Ratings[n % Ratings.Length],
            whatWasGood = Good[n % Good.Length],
            whatCouldImprove = Improve[(n / 3) % Improve.Length],
            month = "2026-10",
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/feedback")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", IntakeApps.ApiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(10),
    };
}

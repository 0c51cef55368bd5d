package io.trailwatch.simulator.org;

import java.util.List;
import java.util.SplittableRandom;

/** User agents as CloudTrail records them for browsers, the CLI, SDKs, Terraform and the console. */
public final class UserAgents {

    /** What the management console reports for calls it makes on a signed-in user's behalf. */
    public static final String CONSOLE = "AWS Internal";

    private static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");

    private static final List<String> CLIS = List.of(
            "aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off",
            "aws-cli/2.22.20 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-49-generic md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off",
            "aws-cli/2.21.3 md/awscrt#0.22.0 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off",
            "Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.76");

    private static final String TERRAFORM =
            "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.80.0 "
                    + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.6 ua/2.1 os/linux "
                    + "lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64";
    private static final String GITHUB_DEPLOY =
            "aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.12.6 "
                    + "md/pyimpl#CPython exec-env/GitHubActions cfg/retry-mode#standard md/installer#exe md/prompt#off";

    private static final List<String> APP_SDKS = List.of(
            "aws-sdk-java/2.29.29 Linux/5.10.228-219.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy cfg/auth-source#imds",
            "aws-sdk-go-v2/1.32.6 ua/2.1 os/linux lang/go#1.23.4 md/GOOS#linux md/GOARCH#amd64 cfg/retry-mode#standard",
            "Boto3/1.35.76 md/Botocore#1.35.76 ua/2.0 os/linux#5.10.229-224.889.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.35.76",
            "aws-sdk-js/3.709.0 ua/2.1 os/linux#5.10.228-240.884.amzn2.x86_64 lang/js md/nodejs#20.18.1 exec-env/AWS_ECS_FARGATE cfg/retry-mode#standard");

    /** Tools attackers script with after stealing credentials. */
    private static final List<String> ATTACK_TOOLS = List.of(
            "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0-kali9-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.0",
            "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off",
            "python-requests/2.31.0");

    private UserAgents() {
    }

    public static String browser(SplittableRandom rng) {
        return BROWSERS.get(rng.nextInt(BROWSERS.size()));
    }

    public static String cli(SplittableRandom rng) {
        return CLIS.get(rng.nextInt(CLIS.size()));
    }

    public static String terraform() {
        return TERRAFORM;
    }

    public static String githubDeploy() {
        return GITHUB_DEPLOY;
    }

    public static String appSdk(SplittableRandom rng) {
        return APP_SDKS.get(rng.nextInt(APP_SDKS.size()));
    }

    public static String attackTool(SplittableRandom rng) {
        return ATTACK_TOOLS.get(rng.nextInt(ATTACK_TOOLS.size()));
    }
}

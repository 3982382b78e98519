package provision

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ec2"

	"github.com/ecs-conformance/deregister/fixtures"
)

// Identity is what a container instance registers with: the EC2 instance identity document
// and its signature, as the ECS agent would send them.
type Identity struct {
	EC2InstanceID string
	Document      string
	Signature     string
}

// Registrar is the seam through which every container instance comes to exist. Strategies
// differ in what they do before RegisterContainerInstance: some endpoints accept any identity
// document, others require the EC2 instance to exist on the same endpoint first.
type Registrar interface {
	// Name is the strategy's setting value, e.g. "synthetic".
	Name() string

	// NewIdentity prepares the identity of one new container instance.
	NewIdentity(ctx context.Context) (Identity, error)
}

// NewRegistrar returns the strategy called name for an endpoint in region; ec2-first
// launches its EC2 instances through client.
func NewRegistrar(name, region string, client *ec2.Client) (Registrar, error) {
	switch name {
	case "", "synthetic":
		return Synthetic{Region: region}, nil
	case "ec2-first":
		return EC2First{EC2: client}, nil
	default:
		return nil, fmt.Errorf("unknown registration strategy %q: want synthetic or ec2-first",
			name)
	}
}

// Synthetic makes up an identity document for an EC2 instance that exists nowhere. Endpoints
// that do not check the document against EC2 (the reference, real ECS does check) accept it.
type Synthetic struct {
	Region string
}

// Name returns "synthetic".
func (Synthetic) Name() string { return "synthetic" }

// NewIdentity fills the fixture document with a fresh instance ID, the region, its first
// zone and the current time. The signature is random: no one can sign for AWS.
func (s Synthetic) NewIdentity(context.Context) (Identity, error) {
	doc, err := fixtureDocument()
	if err != nil {
		return Identity{}, err
	}

	suffix := make([]byte, 9)
	_, _ = rand.Read(suffix)
	instanceID := "i-" + hex.EncodeToString(suffix)[:17]

	doc["instanceId"] = instanceID
	doc["region"] = s.Region
	doc["availabilityZone"] = s.Region + "a"
	doc["pendingTime"] = time.Now().UTC().Format(time.RFC3339)

	return signedIdentity(instanceID, doc)
}

// fixtureDocument reads the fixture identity document, for a strategy to fill in.
func fixtureDocument() (map[string]any, error) {
	var doc map[string]any
	if err := json.Unmarshal(fixtures.InstanceIdentityDocument, &doc); err != nil {
		return nil, fmt.Errorf("fixture instance-identity-document.json: %w", err)
	}
	return doc, nil
}

// signedIdentity encodes doc with a random signature: no one can sign for AWS, and no
// emulator checks.
func signedIdentity(instanceID string, doc map[string]any) (Identity, error) {
	signature := make([]byte, 96)
	_, _ = rand.Read(signature)
	encoded, err := json.Marshal(doc)
	if err != nil {
		return Identity{}, err
	}
	return Identity{
		EC2InstanceID: instanceID,
		Document:      string(encoded),
		Signature:     base64.StdEncoding.EncodeToString(signature),
	}, nil
}

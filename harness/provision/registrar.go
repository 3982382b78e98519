package provision

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

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

// NewRegistrar returns the strategy called name for an endpoint in region.
func NewRegistrar(name, region string) (Registrar, error) {
	switch name {
	case "", "synthetic":
		return Synthetic{Region: region}, nil
	case "ec2-first":
		// TODO: the ec2-first strategy (RunInstances on the same endpoint, then register with
		// that instance's identity) needs an EC2 client and the reference's EC2 side, neither
		// of which exists yet; until then choosing it stops the run with this error.
		return nil, fmt.Errorf("registration strategy %q is not available yet: the suite does "+
			"not drive the EC2 API so far; use \"synthetic\"", name)
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
	var doc map[string]any
	if err := json.Unmarshal(fixtures.InstanceIdentityDocument, &doc); err != nil {
		return Identity{}, fmt.Errorf("fixture instance-identity-document.json: %w", err)
	}

	suffix := make([]byte, 9)
	signature := make([]byte, 96)
	_, _ = rand.Read(suffix)
	_, _ = rand.Read(signature)
	instanceID := "i-" + hex.EncodeToString(suffix)[:17]

	doc["instanceId"] = instanceID
	doc["region"] = s.Region
	doc["availabilityZone"] = s.Region + "a"
	doc["pendingTime"] = time.Now().UTC().Format(time.RFC3339)

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
